namespace TreasuryArena.Core.Quant;

/// <summary>
/// Turnover of a weights history. One-way turnover of a rebalance is ½ Σ |w_after - w_before|: the fraction of the
/// portfolio traded (the same number as drift in FINANCE.md).
/// </summary>
/// <param name="Total">Sum of one-way turnover over all rebalances.</param>
/// <param name="AveragePerRebalance">Total / number of rebalances (0 when there are none).</param>
/// <param name="Rebalances">Number of transitions (weights rows - 1).</param>
/// <param name="Annualized">Total scaled to one year: Total × periodsPerYear / Rebalances (NaN when there are none).</param>
public sealed record TurnoverStats(double Total, double AveragePerRebalance, int Rebalances, double Annualized);
