using System.Globalization;

namespace TreasuryArena.Core.Intelligence;

/// <summary>Evaluates rebalance triggers for a target signal against the current allocation.</summary>
public static class RebalanceTriggers
{
    /// <summary>Drift = ½ Σ |current − target| (the fraction of the portfolio that must trade).</summary>
    public static double Drift(AllocationState current, AllocationSignal target)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(target);
        return 0.5 * (Math.Abs(current.Base - target.Base) + Math.Abs(current.Btc - target.Btc) + Math.Abs(current.Eth - target.Eth));
    }

    public static IReadOnlyList<RebalanceTrigger> Evaluate(
        MarketSnapshot snapshot,
        AllocationSignal target,
        AllocationState? current,
        IReadOnlyList<SecurityAlert> alerts,
        TriggerSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(alerts);
        settings ??= TriggerSettings.Default;
        var triggers = new List<RebalanceTrigger>();

        if (snapshot.BtcChange24h is { Value: { } change, Stale: false } && change < settings.EmergencyBtcDrop24h)
        {
            triggers.Add(new(TriggerKind.Emergency, "btc_crash_24h", F($"BTC {change:0.0%} in 24h (limit {settings.EmergencyBtcDrop24h:0%})")));
        }

        foreach (var alert in alerts)
        {
            triggers.Add(new(TriggerKind.Emergency, "exploit", F($"{alert.Source} reports an exploit at {alert.Protocol}: {alert.Message}")));
        }

        if (current is null)
        {
            return triggers;
        }

        var sum = current.Base + current.Btc + current.Eth;
        if (Math.Abs(sum - 1) > 1e-6 || current.Base < 0 || current.Btc < 0 || current.Eth < 0)
        {
            throw new ArgumentException(F($"current weights must be non-negative and sum to 1, got {sum:0.######}"), nameof(current));
        }

        if (current.LastDecision is { } last)
        {
            if (last.MvrvRung != target.MvrvRung)
            {
                triggers.Add(new(TriggerKind.ThresholdCrossed, "mvrv_rung", F($"MVRV ladder rung {last.MvrvRung} -> {target.MvrvRung}")));
            }

            if (last.Phase != target.Phase)
            {
                triggers.Add(new(TriggerKind.ThresholdCrossed, "phase", $"phase {last.Phase.ToWire()} -> {target.Phase.ToWire()}"));
            }

            if (last.FearGreedZone != target.FearGreedZone && target.FearGreedZone != FearGreedZone.Unknown && last.FearGreedZone != FearGreedZone.Unknown)
            {
                triggers.Add(new(TriggerKind.ThresholdCrossed, "fear_greed_zone", $"Fear & Greed zone {last.FearGreedZone} -> {target.FearGreedZone}"));
            }
        }

        var drift = Drift(current, target);
        if (drift > settings.DriftThreshold)
        {
            triggers.Add(new(TriggerKind.Drift, "drift", F($"drift {drift:0.0%} above {settings.DriftThreshold:0%}")));
        }

        return triggers;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
