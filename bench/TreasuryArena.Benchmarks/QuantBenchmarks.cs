using BenchmarkDotNet.Attributes;
using TreasuryArena.Core.Quant;

namespace TreasuryArena.Benchmarks;

/// <summary>
/// Max Sharpe with box bounds (0..0.20) on a sample covariance and historical mean of synthetic factor-model returns
/// (2,500 days), and Ledoit–Wolf shrinkage of 500 assets × 2,500 days.
/// Run: dotnet run -c Release --project bench/TreasuryArena.Benchmarks -- --filter '*QuantBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class QuantBenchmarks
{
    private PortfolioInput _input = null!;
    private ReturnTable _returns500 = null!;

    [Params(20, 100, 500)]
    public int Assets { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _returns500 = Synthetic(500, 2500, 42);
        var returns = Assets == 500 ? _returns500 : Synthetic(Assets, 2500, 42);
        var mu = ExpectedReturns.MeanHistorical(returns, compounding: false);
        _input = PortfolioInput.From(mu, RiskModels.Sample(returns));
    }

    [Benchmark]
    public PortfolioResult MaxSharpeBoxBounds() =>
        PortfolioOptimizer.MaxSharpe(_input, 0.02, new PortfolioConstraints { MaxWeight = 0.2 });

    [Benchmark]
    public PortfolioResult MinVolatilityBoxBounds() =>
        PortfolioOptimizer.MinVolatility(_input, new PortfolioConstraints { MaxWeight = 0.2 });

    [Benchmark]
    public CovarianceEstimate LedoitWolf500x2500()
    {
        // Independent of Assets: always 500 assets × 2,500 days.
        return RiskModels.LedoitWolf(_returns500, ShrinkageTarget.ConstantVariance);
    }

    /// <summary>Five-factor returns with asset-specific drift and noise: realistic correlation structure.</summary>
    internal static ReturnTable Synthetic(int n, int t, int seed)
    {
        var rng = new Random(seed);
        const int k = 5;
        var loadings = new double[n, k];
        var drift = new double[n];
        var noise = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var f = 0; f < k; f++)
            {
                loadings[i, f] = (rng.NextDouble() - 0.2) * (f == 0 ? 1.2 : 0.5);
            }

            drift[i] = (rng.NextDouble() - 0.3) * 0.0012;
            noise[i] = 0.005 + 0.02 * rng.NextDouble();
        }

        var cols = new double[n][];
        for (var i = 0; i < n; i++)
        {
            cols[i] = new double[t];
        }

        var factors = new double[k];
        for (var d = 0; d < t; d++)
        {
            for (var f = 0; f < k; f++)
            {
                factors[f] = Gaussian(rng) * 0.01;
            }

            for (var i = 0; i < n; i++)
            {
                var r = drift[i] + noise[i] * Gaussian(rng);
                for (var f = 0; f < k; f++)
                {
                    r += loadings[i, f] * factors[f];
                }

                cols[i][d] = r;
            }
        }

        var d0 = new DateOnly(2010, 1, 1);
        return new ReturnTable(Enumerable.Range(0, n).Select(i => $"S{i}").ToArray(), Enumerable.Range(0, t).Select(d0.AddDays).ToArray(), cols);
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
