using TreasuryArena.Core.Quant;

namespace TreasuryArena.Cli.Commands.Quant;

/// <summary>What <c>arena optimize</c> computed, and its JSON shape.</summary>
internal sealed record OptimizeOutcome(OptimizeRequest Request, PortfolioResult Result, CovarianceEstimate Covariance, IReadOnlyList<string> Notes)
{
    public object ToJson() => new
    {
        objective = Result.Objective,
        weights = Result.WeightsByAsset(),
        expected_return = Result.ExpectedReturn,
        volatility = Result.Volatility,
        sharpe = RatioRules.ExpectedSharpe(Result.ExpectedReturn - Result.RiskFreeRate, Result.Volatility),
        risk_free_rate = Result.RiskFreeRate,
        iterations = Result.Iterations,
        residual = Result.Residual,
        returns_method = Request.Returns,
        cov_method = Covariance.Method,
        shrinkage = Covariance.Shrinkage,
        psd_repair = Covariance.Repair,
        frequency = Request.Frequency,
        notes = Notes,
    };
}
