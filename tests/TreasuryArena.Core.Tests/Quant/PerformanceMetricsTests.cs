using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.Statistics;
using TreasuryArena.Core.Quant;

namespace TreasuryArena.Core.Tests.Quant;

public sealed class PerformanceMetricsTests
{
    private static readonly DateOnly D0 = new(2024, 1, 1);

    private static DateOnly[] Days(int n) => Enumerable.Range(0, n).Select(D0.AddDays).ToArray();

    [Fact]
    public void Compute_HandWorkedSeries_MatchesHandArithmetic()
    {
        double[] prices = [100, 110, 99, 121];
        var report = PerformanceMetrics.Compute(prices, Days(4), new MetricsOptions { PeriodsPerYear = 3 });

        Assert.Equal(3, report.Periods);
        Assert.Equal(0.21, report.TotalReturn, 12);
        Assert.Equal(0.21, report.Cagr, 12); // three periods of a three-period year
        Assert.Equal((0.1 - 0.1 + 22.0 / 99.0) / 3, report.MeanReturn, 12);
        Assert.Equal(2.0 / 3.0, report.HitRate, 12);
        Assert.Equal(22.0 / 99.0, report.BestPeriod, 12);
        Assert.Equal(-0.1, report.WorstPeriod, 12);
        Assert.Equal(D0.AddDays(3), report.BestDate);
        Assert.Equal(D0.AddDays(2), report.WorstDate);
    }

    [Fact]
    public void AnnualVolatilityAndSharpe_RandomSeries_AgreeWithMathNetStatistics()
    {
        var rng = new Random(7);
        var r = Enumerable.Range(0, 500).Select(_ => (rng.NextDouble() - 0.48) * 0.04).ToArray();
        var rf = 0.0001;

        Assert.Equal(r.StandardDeviation() * Math.Sqrt(252), PerformanceMetrics.AnnualVolatility(r, 252), 12);
        var excess = r.Select(x => x - rf).ToArray();
        Assert.Equal(excess.Mean() / excess.StandardDeviation() * Math.Sqrt(252), PerformanceMetrics.Sharpe(r, rf, 252), 10);
    }

    [Fact]
    public void Sortino_SymmetricReturns_ZeroAndDownsideUsesAllObservations()
    {
        double[] r = [0.1, -0.1, 0.05, -0.05];

        var downside = PerformanceMetrics.DownsideRisk(r, 0, 252);

        Assert.Equal(Math.Sqrt((0.01 + 0.0025) / 4) * Math.Sqrt(252), downside, 12);
        Assert.Equal(0.0, PerformanceMetrics.Sortino(r, 0, 252), 12);
        Assert.Equal(0.025 * 252 / (Math.Sqrt(0.0025 / 4) * Math.Sqrt(252)), PerformanceMetrics.Sortino([0.1, -0.05, 0.05, 0.0], 0, 252), 10);
    }

    [Fact]
    public void MaxDrawdown_PeakTroughRecovery_DatesAndDuration()
    {
        double[] prices = [100, 120, 90, 100, 130, 125];
        var report = PerformanceMetrics.Compute(prices, Days(6));
        var dd = report.MaxDrawdown;

        Assert.Equal(-0.25, dd.Depth, 12);
        Assert.Equal(1, dd.PeakIndex);
        Assert.Equal(2, dd.TroughIndex);
        Assert.Equal(4, dd.RecoveryIndex);
        Assert.Equal(D0.AddDays(1), dd.PeakDate);
        Assert.Equal(D0.AddDays(2), dd.TroughDate);
        Assert.Equal(D0.AddDays(4), dd.RecoveryDate);
        Assert.Equal(3, dd.DurationPeriods);
        Assert.Equal(3, dd.DurationDays);
        // Five returns are too few for a ratio anyone is shown (RatioRules); empyrical's raw formula still holds.
        Assert.Null(report.Calmar);
        Assert.Contains("5 returns < 30", report.UndefinedRatios["calmar"], StringComparison.Ordinal);
        Assert.Equal(report.Cagr / 0.25, PerformanceMetrics.Calmar(Returns.Simple(prices), 252), 12);
    }

    [Fact]
    public void MaxDrawdown_FallFromStart_StartIsThePeakAndNotRecovered()
    {
        var dd = PerformanceMetrics.Compute([100, 80, 90], Days(3)).MaxDrawdown;

        Assert.Equal(-0.2, dd.Depth, 12);
        Assert.Equal(0, dd.PeakIndex);
        Assert.Equal(D0, dd.PeakDate);
        Assert.False(dd.Recovered);
        Assert.Null(dd.RecoveryDate);
        Assert.Equal(2, dd.DurationPeriods);
    }

    [Fact]
    public void MaxDrawdown_OnlyRising_ZeroAndCalmarUndefined()
    {
        var report = PerformanceMetrics.Compute([1, 2, 3]);

        Assert.Equal(0.0, report.MaxDrawdown.Depth);
        Assert.Null(report.MaxDrawdown.PeakIndex);
        Assert.Null(report.Calmar);
        Assert.True(double.IsNaN(PerformanceMetrics.Calmar(Returns.Simple([1.0, 2, 3]), 252)));
    }

    [Fact]
    public void ValueAtRisk_HundredEvenlySpacedReturns_LinearInterpolatedPercentile()
    {
        var r = Enumerable.Range(1, 100).Select(i => i / 1000.0).Reverse().ToArray();

        Assert.Equal(0.00595, PerformanceMetrics.ValueAtRisk(r, 0.05), 12);
        Assert.Equal(0.003, PerformanceMetrics.ConditionalValueAtRisk(r, 0.05), 12);
    }

    [Fact]
    public void BetaAlpha_ReturnsAreTwiceBenchmarkPlusConstant_BetaTwoAlphaCompounded()
    {
        var rng = new Random(3);
        var b = Enumerable.Range(0, 300).Select(_ => (rng.NextDouble() - 0.5) * 0.02).ToArray();
        var r = b.Select(x => 2 * x + 0.001).ToArray();

        Assert.Equal(2.0, PerformanceMetrics.Beta(r, b), 10);
        Assert.Equal(Math.Pow(1.001, 252) - 1, PerformanceMetrics.Alpha(r, b, 0, 252), 10);
        // With a risk-free rate: r - rf - 2(b - rf) = 0.001 + rf.
        Assert.Equal(Math.Pow(1.0012, 252) - 1, PerformanceMetrics.Alpha(r, b, 0.0002, 252), 10);
    }

    [Fact]
    public void Compute_WithBenchmarkPrices_ReportsBetaAndAlpha()
    {
        double[] bench = [100, 101, 99, 102, 103];
        var prices = bench.Select(p => p * 2).ToArray(); // identical returns

        var report = PerformanceMetrics.Compute(prices, null, null, bench);

        Assert.Equal(1.0, report.Beta!.Value, 12);
        Assert.Equal(0.0, report.Alpha!.Value, 12);
    }

    [Fact]
    public void Turnover_FullSwitchInTwoSteps_HalfEachStep()
    {
        var stats = PerformanceMetrics.Turnover([[1.0, 0.0], [0.5, 0.5], [0.0, 1.0]], 12);

        Assert.Equal(1.0, stats.Total, 12);
        Assert.Equal(0.5, stats.AveragePerRebalance, 12);
        Assert.Equal(2, stats.Rebalances);
        Assert.Equal(6.0, stats.Annualized, 12);
    }

    [Fact]
    public void Compute_OnePrice_TooFewPoints()
    {
        var ex = Assert.Throws<QuantException>(() => PerformanceMetrics.Compute([100.0]));
        Assert.Equal("too_few_points", ex.Code);
    }

    [Fact]
    public void Compute_NonPositivePrice_Refused()
    {
        var ex = Assert.Throws<QuantException>(() => PerformanceMetrics.Compute([100.0, 0.0, 3.0]));
        Assert.Equal("non_positive_price", ex.Code);
    }

    [Fact]
    public void ComputeFromReturns_LogReturnsConverted_SameAsPrices()
    {
        double[] prices = [10, 12, 9, 11, 15];
        var fromPrices = PerformanceMetrics.Compute(prices);
        var fromLog = PerformanceMetrics.ComputeFromReturns(Returns.SimpleFromLog(Returns.Log(prices)));

        Assert.Equal(fromPrices.TotalReturn, fromLog.TotalReturn, 12);
        Assert.Equal(fromPrices.MaxDrawdown.Depth, fromLog.MaxDrawdown.Depth, 12);
        Assert.Equal(0.5, fromLog.TotalReturn, 12);
    }

    [Fact]
    public void Compute_SpyOracle_CagrFromEndpointsAndDrawdownFromRunningMax()
    {
        var (dates, prices) = OracleData.Spy();
        var report = PerformanceMetrics.Compute(prices, dates);

        var n = prices.Length - 1;
        Assert.Equal(Math.Pow(prices[^1] / prices[0], 252.0 / n) - 1, report.Cagr, 10);
        // Independent drawdown: brute force over all (peak, later point) pairs of the sampled path.
        var worst = 0.0;
        var runMax = prices[0];
        foreach (var p in prices)
        {
            runMax = Math.Max(runMax, p);
            worst = Math.Min(worst, p / runMax - 1);
        }

        Assert.Equal(worst, report.MaxDrawdown.Depth, 10);
        Assert.Equal(prices[report.MaxDrawdown.PeakIndex!.Value], prices.Take(report.MaxDrawdown.TroughIndex!.Value + 1).Max(), 10);
        Assert.True(report.MaxDrawdown.PeakDate < report.MaxDrawdown.TroughDate);
    }

    [Fact]
    public void MaxDrawdown_RandomPaths_BoundedAndConsistentWithPath()
    {
        var gen = Gen.Choose(-300, 300).Select(i => i / 1000.0).ArrayOf().Where(a => a.Length > 0);
        Prop.ForAll(gen.ToArbitrary(), r =>
        {
            var dd = PerformanceMetrics.MaxDrawdown(r);
            if (dd.Depth < -1 || dd.Depth > 0)
            {
                return false;
            }

            if (dd.TroughIndex is not { } t)
            {
                return dd.Depth == 0;
            }

            var wealth = new double[r.Length + 1];
            wealth[0] = 1;
            for (var i = 0; i < r.Length; i++)
            {
                wealth[i + 1] = wealth[i] * (1 + r[i]);
            }

            return Math.Abs(wealth[t] / wealth[dd.PeakIndex!.Value] - 1 - dd.Depth) < 1e-12;
        }).QuickCheckThrowOnFailure();
    }
}
