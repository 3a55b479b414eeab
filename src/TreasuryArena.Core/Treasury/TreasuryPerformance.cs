namespace TreasuryArena.Core.Treasury;

/// <summary>
/// Performance since inception against two benchmarks: the static 60/40 (the configured targets bought at inception
/// and never rebalanced) and buy-and-hold BTC (all the capital in BTC at inception). Returns are fractions.
/// </summary>
public sealed record TreasuryPerformance(
    DateOnly Inception,
    DateOnly AsOf,
    decimal InitialCapital,
    decimal Value,
    decimal Pnl,
    double Return,
    decimal Static6040Value,
    double Static6040Return,
    decimal BtcBuyAndHoldValue,
    double BtcBuyAndHoldReturn);
