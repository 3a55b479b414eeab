namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// What the max-Sharpe solve gave: weights (summing to at most 1; the rest stays in cash) with their expectation,
/// or no allocation and why (<see cref="Feasible"/> false).
/// </summary>
public sealed record AllocationSolution(
    bool Feasible,
    IReadOnlyDictionary<string, decimal> Weights,
    PortfolioExpectation Expectation,
    string Explanation)
{
    /// <summary>The objective solved: <c>max_sharpe</c>, <c>efficient_risk</c> (max return under the limits) or <c>min_variance</c> (the weak-evidence fallback).</summary>
    public string Objective { get; init; } = "max_sharpe";

    /// <summary>True when the volatility ceiling limits the solution.</summary>
    public bool CeilingBinds { get; init; }

    /// <summary>True when the volatile-share cap limits the solution.</summary>
    public bool VolatileShareBinds { get; init; }

    /// <summary>Σ w_i · volatile share of token i: the estimated share of the wallet in volatile crypto.</summary>
    public decimal VolatileShare { get; init; }
}
