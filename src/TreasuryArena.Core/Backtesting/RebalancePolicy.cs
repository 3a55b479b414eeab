namespace TreasuryArena.Core.Backtesting;

/// <summary>
/// When the engine turns a strategy's target weights into orders. Any enabled trigger fires a rebalance:
/// the calendar (first bar of a new period), drift above a threshold (drift = ½ Σ |w − w*|, cash included),
/// or a signal (the target differs from the previous bar's target). The first decision always allocates.
/// Trades smaller than <see cref="MinTradeFraction"/> of equity are skipped.
/// </summary>
public sealed record RebalancePolicy
{
    public RebalanceCalendar Calendar { get; init; } = RebalanceCalendar.None;

    /// <summary>Drift threshold as a fraction (0.05 = 5%); null turns the drift trigger off.</summary>
    public double? DriftThreshold { get; init; }

    /// <summary>Rebalance when the target changes from one bar to the next.</summary>
    public bool OnSignal { get; init; }

    /// <summary>Minimum trade notional as a fraction of equity (0 = trade any size).</summary>
    public double MinTradeFraction { get; init; }

    /// <summary>Allocate once, never rebalance (buy-and-hold).</summary>
    public static RebalancePolicy Never { get; } = new();

    public static RebalancePolicy Signal { get; } = new() { OnSignal = true };

    public static RebalancePolicy Every(RebalanceCalendar calendar) => new() { Calendar = calendar };

    public static RebalancePolicy Drift(double threshold) => new() { DriftThreshold = threshold };

    public override string ToString()
    {
        var parts = new List<string>();
        if (Calendar != RebalanceCalendar.None)
        {
            parts.Add(Calendar.ToString().ToLowerInvariant());
        }

        if (DriftThreshold is { } d)
        {
            parts.Add(FormattableString.Invariant($"drift>{d:P1}"));
        }

        if (OnSignal)
        {
            parts.Add("on signal");
        }

        return parts.Count == 0 ? "never (initial allocation only)" : string.Join(" or ", parts);
    }
}
