using TreasuryArena.Core.Quant;

namespace TreasuryArena.Core.Tests.Quant;

/// <summary>Random but well-formed problems for property tests and the oracle-data inputs.</summary>
internal static class TestProblems
{
    /// <summary>A factor-model covariance (B Bᵀ + D) with random expected returns, n assets.</summary>
    public static PortfolioInput Random(int n, int seed, double muShift = 0.05)
    {
        var rng = new Random(seed);
        const int factors = 3;
        var b = new double[n, factors];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < factors; k++)
            {
                b[i, k] = (rng.NextDouble() - 0.3) * 0.2;
            }
        }

        var cov = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var s = 0.0;
                for (var k = 0; k < factors; k++)
                {
                    s += b[i, k] * b[j, k];
                }

                cov[i * n + j] = s + (i == j ? 0.01 + 0.04 * rng.NextDouble() : 0);
            }
        }

        var mu = Enumerable.Range(0, n).Select(_ => muShift + 0.15 * rng.NextDouble()).ToArray();
        return new PortfolioInput(Enumerable.Range(0, n).Select(i => $"A{i}").ToArray(), mu, cov);
    }

    public static PortfolioInput Oracle(bool complete = false)
    {
        var (tickers, dates, cols) = OracleData.Stocks();
        var table = new PriceTable(tickers, dates, cols);
        if (complete)
        {
            table = table.CompleteRows();
        }

        var returns = table.ToReturns();
        var mu = ExpectedReturns.MeanHistorical(returns);
        return PortfolioInput.From(mu, RiskModels.Sample(returns));
    }

    public static double[] MatVec(PortfolioInput input, double[] w)
    {
        var n = input.Count;
        return Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(j => input.Covariance[i * n + j] * w[j])).ToArray();
    }
}
