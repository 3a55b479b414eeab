using TreasuryArena.Core.Common;
using TreasuryArena.Core.Quant;

namespace TreasuryArena.Core.Evaluation;

/// <summary>
/// The statistics of a value path, through the quant library's functions (empyrical conventions, 365 periods a year).
/// Sharpe and Sortino use daily returns in excess of the T-bill rate known the day before; Sharpe, Sortino and Calmar
/// follow <see cref="RatioRules"/> (null below the minimum sample or the volatility floor, never clamped); other
/// statistics pass through <see cref="Defined"/> (NaN or infinity → null).
/// </summary>
public static class Scorecard
{
    public const double PeriodsPerYear = 365;

    /// <summary>null for NaN or infinity (an undefined statistic); the value otherwise. When the quant library returns
    /// <c>double?</c> for undefined statistics, this is the one place that changes.</summary>
    public static double? Defined(double value) => double.IsFinite(value) ? value : null;

    /// <summary>The risk-free rate earned over each return of <paramref name="dates"/> (dates[i] → return i − 1): the
    /// platform's T-bill curve (<see cref="RiskFreeCurve.TBill3m(MarketData.TimeSeries)"/>: DTB3's discount basis
    /// converted to a daily simple rate, the rate known at the period's start); 0 before the series starts.</summary>
    public static double[] RiskFree(IReadOnlyList<DateOnly> dates, TreasuryArena.Core.MarketData.TimeSeries tbill)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(tbill);
        return RiskFreeCurve.TBill3m(tbill).PerPeriod(dates);
    }

    /// <summary>Scores a value path. <paramref name="traded"/> is the gross value traded over the window (USD).</summary>
    public static ContenderResult Measure(
        string name,
        ValueSeries series,
        double[] riskFree,
        int minObservations,
        decimal feesPaid,
        double traded,
        double? averageCashShare,
        double? driftBeforeRebalance,
        int rebalances)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(riskFree);
        var r = series.Returns();
        if (riskFree.Length != r.Length)
        {
            throw new ArgumentException($"{riskFree.Length} risk-free rates for {r.Length} returns", nameof(riskFree));
        }

        var enough = r.Length >= minObservations;
        var years = r.Length / PeriodsPerYear;
        var mean = series.Values.Count > 0 ? series.Values.Average() : 0;
        var start = series.Values.Count > 0 ? series.Values[0] : 0;
        var final = series.Values.Count > 0 ? series.Values[^1] : 0;
        return new ContenderResult(
            name,
            series.Dates.Count > 0 ? series.Dates[0] : default,
            RoundingPolicy.CentsDown(AnalyticsBoundary.ToDecimal(final)),
            start > 0 ? Defined((final / start) - 1) : null,
            enough ? Defined(PerformanceMetrics.Cagr(r, PeriodsPerYear)) : null,
            enough ? Defined(PerformanceMetrics.AnnualVolatility(r, PeriodsPerYear)) : null,
            RatioRules.Sharpe(r, riskFree, PeriodsPerYear, minObservations).Value,
            RatioRules.Sortino(r, riskFree, PeriodsPerYear, minObservations).Value,
            r.Length > 0 ? Defined(PerformanceMetrics.MaxDrawdown(r).Depth) : null,
            RatioRules.Calmar(r, PeriodsPerYear, minObservations).Value,
            years > 0 && mean > 0 ? Defined(traded / mean / years) : null,
            feesPaid,
            averageCashShare,
            driftBeforeRebalance,
            rebalances,
            Yearly(series))
        {
            Series = series,
        };
    }

    /// <summary>Calendar-year returns of a value path (first and last years partial when the window cuts them).</summary>
    public static IReadOnlyList<YearReturn> Yearly(ValueSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var result = new List<YearReturn>();
        if (series.Values.Count < 2)
        {
            return result;
        }

        var startIndex = 0;
        for (var i = 1; i <= series.Values.Count; i++)
        {
            var yearEnds = i == series.Values.Count || series.Dates[i].Year != series.Dates[i - 1].Year;
            if (!yearEnds)
            {
                continue;
            }

            var end = i - 1;
            var year = series.Dates[end].Year;
            var first = startIndex == 0 ? series.Dates[0] : series.Dates[startIndex].AddDays(1);
            var partial = first > new DateOnly(year, 1, 1) || series.Dates[end] < new DateOnly(year, 12, 31);
            if (series.Values[startIndex] > 0 && end > startIndex)
            {
                result.Add(new YearReturn(year, (series.Values[end] / series.Values[startIndex]) - 1, partial));
            }

            startIndex = end; // the next year starts from this year's last value
        }

        return result;
    }
}
