using TreasuryArena.Core.Common;
using TreasuryArena.Core.Quant;

namespace TreasuryArena.Core.Nav;

/// <summary>
/// A token's running performance record: appends one NAV a day and produces the history row (daily return, drawdown
/// from the high-water mark, rolling 90-day volatility and Sharpe from the quant library, annualised with 365 periods).
/// The Sharpe is over the risk-free curve (the T-bill, causal: each day earns the rate known the day before) and follows
/// <see cref="RatioRules"/>: null when undefined. Restorable from the stored rows, so a catch-up continues exactly where
/// the last run stopped.
/// </summary>
public sealed class NavTrack
{
    /// <summary>Daily returns in the rolling window.</summary>
    public const int Window = 90;

    private const double PeriodsPerYear = 365;

    private readonly Queue<(DateOnly Date, decimal Nav)> _navs = new(Window + 1);
    private readonly double[] _returns = new double[Window];
    private readonly double[] _riskFree = new double[Window];
    private readonly RiskFreeCurve _riskFreeCurve;
    private decimal _highWaterMarkBeforeLast;

    public NavTrack(string symbol, RiskFreeCurve? riskFree = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        Symbol = symbol;
        _riskFreeCurve = riskFree ?? RiskFreeCurve.None;
    }

    public string Symbol { get; }

    public DateOnly? LastDate { get; private set; }

    public decimal? LastNav { get; private set; }

    public decimal HighWaterMark { get; private set; }

    /// <summary>Rebuilds the record from stored rows (ascending); only the last <see cref="Window"/> + 1 matter.</summary>
    public static NavTrack Restore(string symbol, IEnumerable<NavHistoryRow> rows, RiskFreeCurve? riskFree = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var track = new NavTrack(symbol, riskFree);
        foreach (var row in rows)
        {
            track.Push(row.Date, row.Nav);
            track._highWaterMarkBeforeLast = track.HighWaterMark;
            track.HighWaterMark = row.HighWaterMark;
        }

        return track;
    }

    /// <summary>Appends the NAV of <paramref name="date"/> (after every earlier date) and returns its history row.</summary>
    public NavHistoryRow Append(DateOnly date, decimal nav, decimal grossNav, decimal supply, decimal managementFee, decimal performanceFee)
    {
        if (nav <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(nav), nav, $"{Symbol}: NAV must be positive");
        }

        if (LastDate is { } last && date <= last)
        {
            throw new ArgumentException($"{Symbol}: {date:yyyy-MM-dd} is not after the last NAV date {last:yyyy-MM-dd}", nameof(date));
        }

        var dailyReturn = LastNav is { } prev ? (nav / prev) - 1m : 0m;
        Push(date, nav);
        _highWaterMarkBeforeLast = HighWaterMark;
        HighWaterMark = Math.Max(HighWaterMark, nav);
        var drawdown = (nav / HighWaterMark) - 1m;
        decimal? sharpe = null;
        decimal? vol = null;
        if (_navs.Count == Window + 1)
        {
            var i = 0;
            (DateOnly Date, decimal Nav)? p = null;
            foreach (var v in _navs)
            {
                if (p is { } pv)
                {
                    _returns[i] = AnalyticsBoundary.ToDouble((v.Nav / pv.Nav) - 1m);
                    _riskFree[i++] = _riskFreeCurve.DailyRate(pv.Date) * (v.Date.DayNumber - pv.Date.DayNumber);
                }

                p = v;
            }

            vol = AnalyticsBoundary.ToMetric(PerformanceMetrics.AnnualVolatility(_returns, PeriodsPerYear));
            sharpe = RatioRules.Sharpe(_returns, _riskFree, PeriodsPerYear, Window).Value is { } s ? AnalyticsBoundary.ToMetric(s) : null;
        }

        return new NavHistoryRow(Symbol, date, nav, Round(dailyReturn, 10), HighWaterMark, Round(drawdown, 10), sharpe, vol, grossNav, supply, managementFee, performanceFee);
    }

    /// <summary>
    /// Replaces the NAV of the last appended date (<paramref name="last"/> is its row) after a fee taken on that date
    /// once the row was stored (a crystallisation dated the last NAV day of a period whose last calendar day has no
    /// price), and returns the revised row: NAV, daily return, high-water mark, drawdown and the date's performance
    /// fee. The 90-day statistics stay those of the stored row (the next date's row is computed from the revised NAV).
    /// </summary>
    public NavHistoryRow ReviseLast(NavHistoryRow last, decimal nav, decimal performanceFee)
    {
        ArgumentNullException.ThrowIfNull(last);
        if (LastDate != last.Date)
        {
            throw new ArgumentException($"{Symbol}: {last.Date:yyyy-MM-dd} is not the last NAV date", nameof(last));
        }

        if (nav <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(nav), nav, $"{Symbol}: NAV must be positive");
        }

        var navs = _navs.ToArray();
        navs[^1] = (navs[^1].Date, nav);
        _navs.Clear();
        foreach (var v in navs)
        {
            _navs.Enqueue(v);
        }

        LastNav = nav;
        HighWaterMark = Math.Max(_highWaterMarkBeforeLast, nav);
        var dailyReturn = navs.Length > 1 ? (nav / navs[^2].Nav) - 1m : last.DailyReturn;
        return last with
        {
            Nav = nav,
            DailyReturn = Round(dailyReturn, 10),
            HighWaterMark = HighWaterMark,
            Drawdown = Round((nav / HighWaterMark) - 1m, 10),
            PerformanceFee = last.PerformanceFee + performanceFee,
        };
    }

    private void Push(DateOnly date, decimal nav)
    {
        _navs.Enqueue((date, nav));
        while (_navs.Count > Window + 1)
        {
            _navs.Dequeue();
        }

        LastDate = date;
        LastNav = nav;
    }

    private static decimal Round(decimal value, int decimals) => RoundingPolicy.Nearest(value, decimals);
}
