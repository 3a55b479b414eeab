using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// The optimizer's expected effect of a recommendation: annual return, volatility and Sharpe before and after, the
/// drift that triggered it, the estimated trading cost against the expected benefit, and whether it is due and worth it;
/// the tolerance's portfolio limits, the target's expected volatility and volatile share, the objective solved
/// (<c>efficient_risk</c>, or <c>min_variance</c> when expected returns are uninformative) and how the expected returns
/// were estimated.
/// </summary>
public sealed record WalletExpectationResponse(
    DateOnly AsOf,
    IReadOnlyDictionary<string, decimal> CurrentWeights,
    PortfolioExpectationResponse Before,
    PortfolioExpectationResponse After,
    decimal Drift,
    decimal EstimatedCost,
    decimal ExpectedBenefit,
    bool Due,
    bool Worthwhile,
    RiskLimitsResponse? RiskLimits = null,
    decimal? ExpectedVolatility = null,
    decimal? VolatileShare = null,
    string? Objective = null,
    string? ExpectedReturnsMethod = null)
{
    public static WalletExpectationResponse From(WalletRecommendation r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.AsOf, r.CurrentWeights, PortfolioExpectationResponse.From(r.Before), PortfolioExpectationResponse.From(r.After),
            r.Drift, r.EstimatedCost, r.ExpectedBenefit, r.Due, r.Worthwhile, RiskLimitsResponse.From(r.Limits), r.ExpectedVolatility,
            r.TargetVolatileShare, r.Objective, r.ExpectedReturnsMethod);
    }
}
