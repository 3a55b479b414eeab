namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>The expected annual return, volatility and Sharpe of a set of weights (cash earns nothing).</summary>
public sealed record PortfolioExpectation(decimal ExpectedReturn, decimal Volatility, decimal Sharpe)
{
    public static PortfolioExpectation AllCash { get; } = new(0m, 0m, 0m);
}
