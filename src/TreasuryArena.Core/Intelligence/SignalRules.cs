using System.Globalization;

namespace TreasuryArena.Core.Intelligence;

/// <summary>
/// Turns a phase and the snapshot into target weights. Steps, in order:
/// <list type="number">
/// <item>tactical = 1 − base share (neutral 40%);</item>
/// <item>MVRV ladder: with k thresholds crossed, tactical = neutral × (1 − k × sell fraction); in TOP at least one rung applies.
/// With <c>heldRungs</c> (the treasury's <see cref="LadderState"/>) k is the rungs the ladder holds sold instead: a rung
/// sold stays sold until MVRV Z falls below <see cref="SignalSettings.LadderReentryZ"/>;</item>
/// <item>phase tilt: ACCUMULATION + tilt (only when no rung is crossed), BEAR − tilt;</item>
/// <item>Fear &amp; Greed tilt: extreme fear + tilt (not in TOP), extreme greed − tilt;</item>
/// <item>clamp to [min, max] tactical; split tactical into BTC/ETH by the phase's BTC share (ETH momentum raises ETH in
/// ACCUMULATION/EARLY_BULL). Weights are rounded to 4 decimals (BTC rounded, ETH = tactical − BTC).</item>
/// </list>
/// </summary>
public static class SignalRules
{
    public static AllocationSignal Derive(MarketSnapshot snapshot, PhaseAssessment phase, SignalSettings? settings = null, TimeSpan? maxInputAge = null, int? heldRungs = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(phase);
        settings ??= SignalSettings.Default;
        var maxAge = maxInputAge ?? PhaseSettings.Default.MaxInputAge;
        var reasons = new List<string>();
        var neutral = 1 - settings.BaseShare;
        var tactical = neutral;
        reasons.Add(F($"neutral split {settings.BaseShare:0%} base / {neutral:0%} tactical"));
        if (phase.Rule == "default")
        {
            reasons.Add($"no phase clause held (missing: {(phase.MissingInputs.Count == 0 ? "none" : string.Join(", ", phase.MissingInputs))}): neutral allocation");
        }

        var z = snapshot.MvrvZ.UsableValue(maxAge);
        var rung = z is { } zv ? settings.MvrvThresholds.Count(t => zv >= t) : 0;
        if (z is null)
        {
            reasons.Add("MVRV Z unavailable: sell ladder not evaluated");
        }

        var effectiveRung = heldRungs ?? (phase.Phase == MarketPhase.Top ? Math.Max(rung, 1) : rung);
        if (heldRungs is { } held && held > 0 && held != rung)
        {
            tactical = neutral * Math.Max(0, 1 - (held * settings.LadderSellFraction));
            reasons.Add(F($"MVRV ladder holds {held} of {settings.MvrvThresholds.Count} rungs sold (Z {z:0.00} today; a rung sold stays sold until Z < {settings.LadderReentryZ:0.0#}): tactical cut to {tactical:0%}"));
        }
        else if (effectiveRung > 0)
        {
            tactical = neutral * Math.Max(0, 1 - (effectiveRung * settings.LadderSellFraction));
            reasons.Add(rung > 0
                ? F($"MVRV Z {z:0.00} crossed {settings.MvrvThresholds[rung - 1]:0.0#} (rung {rung} of {settings.MvrvThresholds.Count}): tactical cut to {tactical:0%}")
                : F($"TOP phase: first ladder rung applied, tactical cut to {tactical:0%}"));
        }

        if (phase.Phase == MarketPhase.Accumulation && effectiveRung == 0 && settings.AccumulationTilt != 0)
        {
            tactical += settings.AccumulationTilt;
            reasons.Add(F($"ACCUMULATION: tactical {settings.AccumulationTilt:+0%;-0%}"));
        }
        else if (phase.Phase == MarketPhase.Bear && settings.BearTilt != 0)
        {
            tactical += settings.BearTilt;
            reasons.Add(F($"BEAR: tactical {settings.BearTilt:+0%;-0%}"));
        }

        var fg = snapshot.FearGreed.UsableValue(maxAge);
        var zone = fg switch
        {
            null => FearGreedZone.Unknown,
            { } v when v <= settings.ExtremeFear => FearGreedZone.ExtremeFear,
            { } v when v >= settings.ExtremeGreed => FearGreedZone.ExtremeGreed,
            _ => FearGreedZone.Neutral,
        };
        if (zone == FearGreedZone.ExtremeFear && phase.Phase != MarketPhase.Top)
        {
            tactical += settings.FearGreedTilt;
            reasons.Add(F($"Fear & Greed {fg:0} <= {settings.ExtremeFear:0} (extreme fear): tactical +{settings.FearGreedTilt:0%}"));
        }
        else if (zone == FearGreedZone.ExtremeGreed)
        {
            tactical -= settings.FearGreedTilt;
            reasons.Add(F($"Fear & Greed {fg:0} >= {settings.ExtremeGreed:0} (extreme greed): tactical -{settings.FearGreedTilt:0%}"));
        }

        var clamped = Math.Clamp(tactical, settings.MinTactical, settings.MaxTactical);
        if (clamped != tactical)
        {
            reasons.Add(F($"tactical clamped to {clamped:0%} (limits {settings.MinTactical:0%}..{settings.MaxTactical:0%})"));
        }

        tactical = Math.Round(clamped, 4, MidpointRounding.ToEven);

        var btcShare = phase.Phase is MarketPhase.Euphoria or MarketPhase.Top or MarketPhase.Bear
            ? settings.BtcShareDefensive
            : settings.BtcShareOfTactical;
        if (phase.Phase is MarketPhase.Accumulation or MarketPhase.EarlyBull
            && snapshot.EthChange30d.UsableValue(maxAge) is { } e30 && snapshot.BtcChange30d.UsableValue(maxAge) is { } b30
            && e30 - b30 >= settings.EthMomentumEdge)
        {
            btcShare = settings.BtcShareEthMomentum;
            reasons.Add(F($"ETH outperformed BTC by {e30 - b30:0%} over 30 days: BTC share of tactical {btcShare:0%}"));
        }
        else
        {
            reasons.Add(F($"{phase.Phase.ToWire()}: BTC share of tactical {btcShare:0%}"));
        }

        var btc = Math.Round(tactical * btcShare, 4, MidpointRounding.ToEven);
        var eth = Math.Round(tactical - btc, 4, MidpointRounding.ToEven);
        var baseShare = Math.Round(1 - tactical, 4, MidpointRounding.ToEven);
        return new AllocationSignal(baseShare, tactical, btc, eth, phase.Confidence, reasons, phase.Phase, rung, zone);
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
