using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Server.Contracts;

/// <summary>Expected annual return, annual volatility and Sharpe ratio of a set of weights (fractions); Sharpe null when undefined (volatility below 0.5% a year).</summary>
public sealed record PortfolioExpectationResponse(decimal ExpectedReturn, decimal Volatility, decimal? Sharpe)
{
    public static PortfolioExpectationResponse From(PortfolioExpectation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.ExpectedReturn, e.Volatility, e.Sharpe);
    }
}
