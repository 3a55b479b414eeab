using TreasuryArena.Core.Intelligence;

namespace TreasuryArena.Infrastructure.MarketData.Options;

/// <summary>
/// The signal and trigger parameters under <c>Treasury</c> (e.g. <c>Treasury:MvrvThresholds:0 = 3.5</c>). Unset values
/// keep the defaults of <see cref="SignalSettings"/> and <see cref="TriggerSettings"/>.
/// </summary>
public sealed class TreasuryIntelligenceOptions
{
    public const string SectionName = "Treasury";

    /// <summary>The MVRV Z sell ladder (default 3.5 / 5.0 / 7.0 / 9.0).</summary>
    public double[]? MvrvThresholds { get; set; }

    public double? BaseShare { get; set; }

    public double? LadderSellFraction { get; set; }

    /// <summary>The treasury ladder's re-entry level: rungs sold stay sold until MVRV Z falls below it (default 1.0).</summary>
    public double? LadderReentryZ { get; set; }

    public double? ExtremeFear { get; set; }

    public double? ExtremeGreed { get; set; }

    public double? FearGreedTilt { get; set; }

    public double? MaxTactical { get; set; }

    /// <summary>BTC's share of the tactical sleeve (the same key the treasury's own options read).</summary>
    public double? BtcShareOfTactical { get; set; }

    public double? DriftThreshold { get; set; }

    public double? EmergencyBtcDrop24h { get; set; }

    public IntelligenceSettings ToSettings()
    {
        var s = SignalSettings.Default;
        var signal = s with
        {
            MvrvThresholds = MvrvThresholds is { Length: > 0 } m ? m : s.MvrvThresholds,
            BaseShare = BaseShare ?? s.BaseShare,
            LadderSellFraction = LadderSellFraction ?? s.LadderSellFraction,
            LadderReentryZ = LadderReentryZ ?? s.LadderReentryZ,
            ExtremeFear = ExtremeFear ?? s.ExtremeFear,
            ExtremeGreed = ExtremeGreed ?? s.ExtremeGreed,
            FearGreedTilt = FearGreedTilt ?? s.FearGreedTilt,
            MaxTactical = MaxTactical ?? s.MaxTactical,
            BtcShareOfTactical = BtcShareOfTactical ?? s.BtcShareOfTactical,
        };
        var t = TriggerSettings.Default;
        var triggers = t with
        {
            DriftThreshold = DriftThreshold ?? t.DriftThreshold,
            EmergencyBtcDrop24h = EmergencyBtcDrop24h ?? t.EmergencyBtcDrop24h,
        };
        return new IntelligenceSettings(PhaseSettings.Default, signal, triggers);
    }
}
