namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// The expected annual return, volatility and Sharpe of a set of weights (cash earns nothing; the Sharpe's excess return
/// is over the risk-free rate on the invested part). <see cref="Sharpe"/> is null when the expected volatility is below
/// the floor of <c>Quant.RatioRules</c> (all cash, or nearly).
/// </summary>
public sealed record PortfolioExpectation(decimal ExpectedReturn, decimal Volatility, decimal? Sharpe)
{
    public static PortfolioExpectation AllCash { get; } = new(0m, 0m, null);
}
