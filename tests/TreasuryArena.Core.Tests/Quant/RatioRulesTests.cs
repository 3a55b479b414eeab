using TreasuryArena.Core.Quant;

namespace TreasuryArena.Core.Tests.Quant;

/// <summary>Issue 16: Sharpe, Sortino, Calmar and the information ratio are null below the minimum sample or the denominator floor.</summary>
public sealed class RatioRulesTests
{
    /// <summary>Seeded normal daily returns: mean <paramref name="mean"/>, standard deviation <paramref name="sd"/>.</summary>
    private static double[] Normal(int n, double mean, double sd, int seed)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => mean + (sd * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble())))];
    }

    [Fact]
    public void Sharpe_EnoughVolatileReturns_IsEmpyricalsFormula()
    {
        var r = Normal(120, 0.001, 0.02, 1);
        var rf = Enumerable.Repeat(0.0001, r.Length).ToArray();

        var sharpe = RatioRules.Sharpe(r, rf, 365);

        Assert.True(sharpe.IsDefined);
        Assert.Null(sharpe.Reason);
        Assert.Equal(PerformanceMetrics.Sharpe(r, 0.0001, 365), sharpe.Value!.Value, 10);
    }

    [Fact]
    public void Sharpe_FewerReturnsThanTheMinimum_UndefinedWithTheCount()
    {
        var r = Normal(29, 0.001, 0.02, 2);

        var shown = RatioRules.Sharpe(r, [], 365);
        var decides = RatioRules.Sharpe(Normal(89, 0.001, 0.02, 2), [], 365, RatioRules.MinObservationsToDecide);

        Assert.Null(shown.Value);
        Assert.Equal("29 returns < 30", shown.Reason);
        Assert.Null(decides.Value);
        Assert.Equal("89 returns < 90", decides.Reason);
        Assert.True(RatioRules.Sharpe(Normal(30, 0.001, 0.02, 2), [], 365).IsDefined);
    }

    [Fact]
    public void Bug_16_YieldParkedToken_SharpeUndefinedNotMillions()
    {
        // A strategy parked in its 5% yield asset: NAV rounded to 8 decimals, so daily returns differ only by rounding noise.
        var navs = new decimal[91];
        navs[0] = 1.2m;
        for (var i = 1; i < navs.Length; i++)
        {
            navs[i] = Math.Round(navs[i - 1] * 1.000133681m, 8, MidpointRounding.ToZero);
        }

        var r = navs.Zip(navs.Skip(1), (a, b) => (double)((b / a) - 1m)).ToArray();
        var raw = PerformanceMetrics.Sharpe(r, 0, 365);

        var sharpe = RatioRules.Sharpe(r, [], 365, RatioRules.MinObservationsToDecide);

        Assert.True(raw > 1000, $"the raw formula blows up ({raw})");
        Assert.Null(sharpe.Value);
        Assert.StartsWith("volatility of excess returns", sharpe.Reason, StringComparison.Ordinal);
        Assert.EndsWith("< 0.5%", sharpe.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Sharpe_VolatilityJustAboveTheFloor_DefinedJustBelow_Undefined()
    {
        // Alternating ±a around the mean: sample sd = a·√(n/(n−1)), annualised × √365.
        static double[] Alternating(int n, double annualVol)
        {
            var a = annualVol / Math.Sqrt(365) / Math.Sqrt(n / (n - 1.0));
            return [.. Enumerable.Range(0, n).Select(i => 0.0001 + (i % 2 == 0 ? a : -a))];
        }

        Assert.True(RatioRules.Sharpe(Alternating(90, 0.0051), [], 365).IsDefined);
        Assert.False(RatioRules.Sharpe(Alternating(90, 0.0049), [], 365).IsDefined);
    }

    [Fact]
    public void Sortino_NoDownsideBelowTheFloor_UndefinedNotNaN()
    {
        var r = Normal(100, 0.01, 0.001, 3).Select(Math.Abs).ToArray(); // every return above 0

        var sortino = RatioRules.Sortino(r, [], 365);

        Assert.Null(sortino.Value);
        Assert.StartsWith("downside deviation", sortino.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Calmar_DrawdownBelowTheFloor_Undefined_AboveIt_CagrOverDrawdown()
    {
        var rising = Enumerable.Repeat(0.001, 60).ToArray();
        rising[30] = -0.001; // a 0.1% drawdown

        Assert.Equal("max drawdown 0.1% < 0.5%", RatioRules.Calmar(rising, 365).Reason);

        var r = Normal(100, 0.001, 0.02, 4);
        var calmar = RatioRules.Calmar(r, 365);
        Assert.Equal(PerformanceMetrics.Cagr(r, 365) / -PerformanceMetrics.MaxDrawdown(r).Depth, calmar.Value!.Value, 12);
    }

    [Fact]
    public void InformationRatio_SameSeriesAsBenchmark_UndefinedTrackingError()
    {
        var r = Normal(100, 0.001, 0.02, 5);
        var b = r.Select(x => x + 1e-7).ToArray();

        Assert.StartsWith("tracking error", RatioRules.InformationRatio(r, b, 365).Reason, StringComparison.Ordinal);

        var other = Normal(100, 0.0005, 0.02, 6);
        var ir = RatioRules.InformationRatio(r, other, 365);
        var active = r.Zip(other, (x, y) => x - y).ToArray();
        Assert.Equal(PerformanceMetrics.Mean(active) / PerformanceMetrics.StandardDeviation(active) * Math.Sqrt(365), ir.Value!.Value, 10);
    }

    [Fact]
    public void Compute_DegenerateSeries_NullRatiosWithReasonsNeverNaN()
    {
        var prices = Enumerable.Range(0, 61).Select(i => 100 * Math.Pow(1.0001, i)).ToArray();

        var report = PerformanceMetrics.Compute(prices, null, new MetricsOptions { PeriodsPerYear = 365 });

        Assert.Null(report.Sharpe);
        Assert.Null(report.Sortino);
        Assert.Null(report.Calmar);
        Assert.Equal(["calmar", "sharpe", "sortino"], report.UndefinedRatios.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("none", report.RiskFree);
    }

    [Fact]
    public void Compute_TBillCurve_ExcessReturnsAndTheAverageRateReported()
    {
        var dates = Enumerable.Range(0, 101).Select(i => new DateOnly(2024, 1, 1).AddDays(i)).ToArray();
        var prices = Normal(100, 0.001, 0.02, 7).Aggregate(new List<double> { 100 }, (p, r) => { p.Add(p[^1] * (1 + r)); return p; }).ToArray();
        var curve = RiskFreeCurve.TBill3m([new DateOnly(2023, 12, 29)], [0.05]);

        var report = PerformanceMetrics.Compute(prices, dates, new MetricsOptions { PeriodsPerYear = 365, RiskFree = curve });

        var daily = 0.05 / (360 - (91 * 0.05));
        Assert.Equal("tbill-3m", report.RiskFree);
        Assert.Equal(daily * 365, report.RiskFreeRate, 12);
        Assert.Equal(PerformanceMetrics.Sharpe(Returns.Simple(prices), daily, 365), report.Sharpe!.Value, 10);
    }
}
