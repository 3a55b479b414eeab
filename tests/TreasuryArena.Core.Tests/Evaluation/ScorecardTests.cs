using TreasuryArena.Core.Evaluation;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Quant;

namespace TreasuryArena.Core.Tests.Evaluation;

public sealed class ScorecardTests
{
    private static readonly DateOnly Start = new(2021, 1, 1);

    private static ValueSeries Path(params double[] values) => new(values.Select((_, i) => Start.AddDays(i)).ToArray(), values);

    [Fact]
    public void Defined_NaNAndInfinity_Null()
    {
        Assert.Null(Scorecard.Defined(double.NaN));
        Assert.Null(Scorecard.Defined(double.PositiveInfinity));
        Assert.Equal(1.5, Scorecard.Defined(1.5));
    }

    [Fact]
    public void RiskFree_TheDiscountBasisRateKnownAtThePeriodStart_SimplePerDay()
    {
        var tbill = new TimeSeries("tbill", [Start, Start.AddDays(2)], [0.0365, 0.073]);
        var dates = new[] { Start, Start.AddDays(1), Start.AddDays(2), Start.AddDays(3), Start.AddDays(5) };
        var rf = Scorecard.RiskFree(dates, tbill);
        // DTB3 is a discount rate d: a 91-day bill returns d / (360 − 91 d) a day, simple.
        var day1 = 0.0365 / (360 - (91 * 0.0365));
        var day2 = 0.073 / (360 - (91 * 0.073));
        Assert.Equal(day1, rf[0], 15);
        Assert.Equal(day1, rf[1], 15); // the rate of the 3rd is not known on the 2nd
        Assert.Equal(day2, rf[2], 15);
        Assert.Equal(2 * day2, rf[3], 15); // two days, simple interest
    }

    [Fact]
    public void Measure_FlatPath_UndefinedRatiosAreNull()
    {
        var series = Path(Enumerable.Repeat(100.0, 60).ToArray());
        var c = Scorecard.Measure("flat", series, new double[59], 30, 0m, 0, null, null, 0);
        Assert.Equal(0, c.Cagr);
        Assert.Null(c.Sharpe);
        Assert.Null(c.Sortino);
        Assert.Null(c.Calmar);
        Assert.Equal(0, c.MaxDrawdown);
    }

    [Fact]
    public void Measure_TooFewReturns_StatisticsNull_TotalReturnShown()
    {
        var c = Scorecard.Measure("short", Path(100, 101, 99, 103), new double[3], 30, 0m, 0, null, null, 0);
        Assert.Null(c.Cagr);
        Assert.Null(c.Volatility);
        Assert.Null(c.Sharpe);
        Assert.Equal(0.03, c.TotalReturn!.Value, 12);
        Assert.Equal(99.0 / 101 - 1, c.MaxDrawdown!.Value, 12);
    }

    [Fact]
    public void Measure_SharpeIsOnExcessReturns_TurnoverPerYearOfAverageValue()
    {
        var r = new Random(3);
        var values = new List<double> { 100 };
        for (var i = 0; i < 365; i++)
        {
            values.Add(values[^1] * (1.001 + (0.01 * (r.NextDouble() - 0.5))));
        }

        var series = Path([.. values]);
        var rf = Enumerable.Repeat(0.0002, 365).ToArray();
        var c = Scorecard.Measure("x", series, rf, 30, 12.5m, 2 * values.Average(), 0.25, 0.01, 3);
        var excess = series.Returns().Select((x, i) => x - rf[i]).ToArray();
        Assert.Equal(PerformanceMetrics.Sharpe(excess, 0, 365), c.Sharpe!.Value, 12);
        Assert.NotEqual(PerformanceMetrics.Sharpe(series.Returns(), 0, 365), c.Sharpe!.Value, 6);
        Assert.Equal(2, c.Turnover!.Value, 9);
        Assert.Equal(12.5m, c.FeesPaid);
    }

    [Fact]
    public void Yearly_ChainsCalendarYears_MarksPartialOnes()
    {
        var dates = new[] { new DateOnly(2020, 12, 31), new DateOnly(2021, 6, 30), new DateOnly(2021, 12, 31), new DateOnly(2022, 3, 31) };
        var years = Scorecard.Yearly(new ValueSeries(dates, [100, 110, 120, 90]));
        Assert.Equal(2, years.Count); // the start on 2020-12-31 opens 2021, it is no year of its own
        Assert.Equal(2021, years[0].Year);
        Assert.Equal(0.2, years[0].Return, 12);
        Assert.False(years[0].Partial);
        Assert.Equal(2022, years[1].Year);
        Assert.Equal(-0.25, years[1].Return, 12);
        Assert.True(years[1].Partial);
    }
}
