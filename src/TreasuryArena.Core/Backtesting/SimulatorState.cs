namespace TreasuryArena.Core.Backtesting;

/// <summary>
/// Everything the simulator needs to continue from a bar: cash, positions (the yield position's accrual lives in
/// its index price), the pending order, the last target and rebalance, and cost totals. Immutable snapshot; a live
/// portfolio stores it and restores it on a frame extended by one more bar.
/// </summary>
public sealed record SimulatorState(
    DateOnly Date,
    string[] Assets,
    double Cash,
    double[] Units,
    double[]? PendingTarget,
    double[]? PreviousTarget,
    DateOnly? LastRebalance,
    int TradeCount,
    double FeesPaid,
    double SlippagePaid);
