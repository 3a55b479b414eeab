using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Quant;

/// <summary>Expected annual returns and the annual covariance (row-major n × n) of the same assets, validated.</summary>
public sealed class PortfolioInput
{
    public PortfolioInput(IReadOnlyList<string> assets, double[] expectedReturns, double[] covariance)
    {
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(expectedReturns);
        ArgumentNullException.ThrowIfNull(covariance);
        var n = assets.Count;
        if (n == 0)
        {
            throw new QuantException(Outcome.NoAssets, "no assets to optimise");
        }

        if (expectedReturns.Length != n || covariance.Length != n * n)
        {
            throw new ArgumentException($"{n} assets need {n} expected returns and an {n}×{n} covariance");
        }

        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(expectedReturns[i]))
            {
                throw new QuantException(Outcome.InvalidInput, $"expected return of {assets[i]} is not finite");
            }

            for (var j = 0; j < n; j++)
            {
                var v = covariance[i * n + j];
                if (!double.IsFinite(v) || Math.Abs(v - covariance[j * n + i]) > 1e-12 * (1 + Math.Abs(v)))
                {
                    throw new QuantException(Outcome.InvalidInput, $"covariance of {assets[i]} and {assets[j]} is not finite or not symmetric");
                }
            }

            if (covariance[i * n + i] < 0)
            {
                throw new QuantException(Outcome.InvalidInput, $"variance of {assets[i]} is negative");
            }
        }

        Assets = assets;
        ExpectedReturns = expectedReturns;
        Covariance = covariance;
    }

    public IReadOnlyList<string> Assets { get; }

    public double[] ExpectedReturns { get; }

    public double[] Covariance { get; }

    public int Count => Assets.Count;

    public static PortfolioInput From(double[] expectedReturns, CovarianceEstimate covariance)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        return new PortfolioInput(covariance.Assets, expectedReturns, covariance.Values);
    }

    public double PortfolioReturn(ReadOnlySpan<double> w) => Kernels.Dot(ExpectedReturns, w);

    public double PortfolioVariance(ReadOnlySpan<double> w)
    {
        var n = Count;
        var v = 0.0;
        for (var i = 0; i < n; i++)
        {
            v += w[i] * Kernels.Dot(Covariance.AsSpan(i * n, n), w);
        }

        return Math.Max(v, 0);
    }
}
