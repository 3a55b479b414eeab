namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// What the max-Sharpe solve gave: weights (summing to at most 1; the rest stays in cash) with their expectation,
/// or no allocation and why (<see cref="Feasible"/> false).
/// </summary>
public sealed record AllocationSolution(
    bool Feasible,
    IReadOnlyDictionary<string, decimal> Weights,
    PortfolioExpectation Expectation,
    string Explanation);
