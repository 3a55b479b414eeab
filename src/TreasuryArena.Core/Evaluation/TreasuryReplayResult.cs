namespace TreasuryArena.Core.Evaluation;

/// <summary>What a treasury replay produced: its value path (first point the day before the window), costs, and the calls that traded.</summary>
public sealed record TreasuryReplayResult(
    ValueSeries Series,
    decimal FeesPaid,
    double Traded,
    int Rebalances,
    double? DriftBeforeRebalance,
    IReadOnlyList<TreasuryCall> Calls,
    string? Note);
