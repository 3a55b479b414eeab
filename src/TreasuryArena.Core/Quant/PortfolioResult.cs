namespace TreasuryArena.Core.Quant;

/// <summary>
/// An optimised portfolio: weights (summing to 1) with their expected annual return, annual volatility and Sharpe
/// ratio, and the solver's iterations and residual (the KKT residual of the QP, or the method's own convergence
/// measure for risk parity; 0 for closed-form HRP).
/// </summary>
public sealed record PortfolioResult
{
    public required string Objective { get; init; }

    public required IReadOnlyList<string> Assets { get; init; }

    public required double[] Weights { get; init; }

    public required double ExpectedReturn { get; init; }

    public required double Volatility { get; init; }

    public required double Sharpe { get; init; }

    public required double RiskFreeRate { get; init; }

    public required int Iterations { get; init; }

    public required double Residual { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    public IReadOnlyDictionary<string, double> WeightsByAsset()
    {
        var d = new Dictionary<string, double>(Assets.Count, StringComparer.Ordinal);
        for (var i = 0; i < Assets.Count; i++)
        {
            d[Assets[i]] = Weights[i];
        }

        return d;
    }

    internal static PortfolioResult Create(string objective, PortfolioInput input, double[] w, double riskFree, int iterations, double residual, IReadOnlyList<string>? notes = null)
    {
        var ret = input.PortfolioReturn(w);
        var vol = Math.Sqrt(input.PortfolioVariance(w));
        return new PortfolioResult
        {
            Objective = objective,
            Assets = input.Assets,
            Weights = w,
            ExpectedReturn = ret,
            Volatility = vol,
            Sharpe = vol > 0 ? (ret - riskFree) / vol : double.NaN,
            RiskFreeRate = riskFree,
            Iterations = iterations,
            Residual = residual,
            Notes = notes ?? [],
        };
    }
}
