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
                    _returns[i] = (double)((v.Nav / pv.Nav) - 1m);
                    _riskFree[i++] = _riskFreeCurve.DailyRate(pv.Date) * (v.Date.DayNumber - pv.Date.DayNumber);
                }

                p = v;
            }

            vol = ToDecimal(PerformanceMetrics.AnnualVolatility(_returns, PeriodsPerYear));
            sharpe = RatioRules.Sharpe(_returns, _riskFree, PeriodsPerYear, Window).Value is { } s ? ToDecimal(s) : null;
        }

        return new NavHistoryRow(Symbol, date, nav, Round(dailyReturn, 10), HighWaterMark, Round(drawdown, 10), sharpe, vol, grossNav, supply, managementFee, performanceFee);
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

    /// <summary>The analytics → domain boundary: a finite double rounded to 6 decimals; NaN or infinity gives null.</summary>
    internal static decimal? ToDecimal(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 1e12 ? Math.Round((decimal)value, 6, MidpointRounding.AwayFromZero) : null;

    private static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
