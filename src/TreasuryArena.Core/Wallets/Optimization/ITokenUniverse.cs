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

    /// <summary>Expected return, volatility and Sharpe of <paramref name="weights"/> (the remainder in cash).</summary>
    PortfolioExpectation Evaluate(IReadOnlyDictionary<string, decimal> weights);
}
