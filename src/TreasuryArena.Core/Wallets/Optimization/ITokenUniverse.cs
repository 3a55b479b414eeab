namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// The token analytics of one optimizer run: every token's metrics and the covariance over the lookback, computed
/// once and shared by every wallet of the run. Implemented over the quant library (see <c>Core/Nav/TokenUniverse</c>).
/// </summary>
public interface ITokenUniverse
{
    /// <summary>The last date of the lookback.</summary>
    DateOnly AsOf { get; }

    /// <summary>Which risk-free rate the Sharpe ratios use (<c>tbill-3m</c>, or <c>none</c>).</summary>
    string RiskFree => "none";

    /// <summary>The risk-free rate's average over the lookback, annualised.</summary>
    decimal RiskFreeRate => 0m;

    /// <summary>Metrics of every token with enough history, by symbol.</summary>
    IReadOnlyDictionary<string, TokenMetrics> Tokens { get; }

    /// <summary>
    /// Max Sharpe over <paramref name="symbols"/> with each weight in 0..<paramref name="maxWeight"/>, fully invested.
    /// Infeasible (a bound that cannot sum to 1, no token above the risk-free rate): <see cref="AllocationSolution.Feasible"/> false.
    /// </summary>
    AllocationSolution MaxSharpe(IReadOnlyList<string> symbols, decimal maxWeight);

    /// <summary>
    /// How the expected returns were estimated, in words (e.g. "365-day mean shrunk 78% toward the cross-sectional mean
    /// 12.0%/yr"), and whether the solve falls back to minimum variance because the evidence is weak.
    /// </summary>
    string ExpectedReturnsMethod => "90-day mean × 365";

    /// <summary>
    /// True when the expected returns do not distinguish the tokens (shrinkage intensity at or above the fallback level, or
    /// too few tokens to judge): <see cref="Allocate"/> then solves minimum variance under the same limits.
    /// </summary>
    bool WeakEvidence => false;

    /// <summary>
    /// The target under a tolerance's portfolio limits: efficient risk (max expected return with expected volatility ≤ the
    /// ceiling, each weight ≤ its bound, the volatile share ≤ its cap, the rest in cash), or minimum variance under the same
    /// limits when <see cref="WeakEvidence"/>. Infeasible input: <see cref="AllocationSolution.Feasible"/> false.
    /// </summary>
    AllocationSolution Allocate(AllocationRequest request);

    /// <summary>Expected return, volatility and Sharpe of <paramref name="weights"/> (the remainder in cash).</summary>
    PortfolioExpectation Evaluate(IReadOnlyDictionary<string, decimal> weights);
}
