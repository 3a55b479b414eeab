using TreasuryArena.Core.MarketData;

namespace TreasuryArena.Core.Quant;

/// <summary>
/// The risk-free rate excess returns are measured against, as a daily simple rate per calendar date.
/// <para>The platform's curve is the US 3-month T-bill (<see cref="TBill3mName"/>): FRED DTB3 is quoted in percent a year
/// on a <em>discount</em> basis (price = 1 − d × 91/360), published on business days only. A bill bought at that price
/// returns 91·d / (360 − 91·d) over its 91 days, so the daily simple rate is d / (360 − 91·d) (× 365 = the bond-equivalent
/// yield: 5.00% discount → 5.13% a year). Weekends and holidays take the last published rate.</para>
/// <para>Causal: the return from date t−1 to t earns the rate known on t−1 (the last observation on or before it), so a
/// figure as of a date never uses a later print. Before the first observation the rate is 0.</para>
/// </summary>
public sealed class RiskFreeCurve
{
    /// <summary>The name of the US 3-month T-bill curve (FRED DTB3) in JSON (<c>risk_free</c>).</summary>
    public const string TBill3mName = "tbill-3m";

    /// <summary>The name of the zero curve.</summary>
    public const string NoneName = "none";

    private const int BillDays = 91;

    private readonly DateOnly[] _dates;
    private readonly double[] _daily;
    private readonly double _constant;

    private RiskFreeCurve(string name, DateOnly[] dates, double[] daily, double constant)
    {
        Name = name;
        _dates = dates;
        _daily = daily;
        _constant = constant;
    }

    /// <summary>No risk-free rate: excess returns are raw returns.</summary>
    public static RiskFreeCurve None { get; } = new(NoneName, [], [], 0);

    /// <summary>What the JSON <c>risk_free</c> field says: <c>tbill-3m</c>, <c>none</c>, or <c>fixed</c>.</summary>
    public string Name { get; }

    /// <summary>A fixed annual rate (simple, 365-day year): the daily rate is <paramref name="annualRate"/> / 365.</summary>
    public static RiskFreeCurve Fixed(double annualRate) =>
        double.IsFinite(annualRate) && annualRate is > -0.5 and < 1
            ? annualRate == 0 ? None : new RiskFreeCurve("fixed", [], [], annualRate / 365)
            : throw new ArgumentOutOfRangeException(nameof(annualRate), annualRate, "an annual rate between -0.5 and 1 (0.05 = 5%)");

    /// <summary>The T-bill curve from discount rates as fractions (FRED DTB3 ÷ 100, as <see cref="MarketHistory.TBill3m"/> holds them).</summary>
    public static RiskFreeCurve TBill3m(TimeSeries discountRates)
    {
        ArgumentNullException.ThrowIfNull(discountRates);
        return TBill3m(discountRates.Dates, discountRates.Values);
    }

    /// <summary>The T-bill curve from dated discount rates (fractions, ascending dates); NaN entries (no print yet) are skipped.</summary>
    public static RiskFreeCurve TBill3m(ReadOnlySpan<DateOnly> dates, ReadOnlySpan<double> discountRates)
    {
        if (dates.Length != discountRates.Length)
        {
            throw new ArgumentException($"{dates.Length} dates for {discountRates.Length} rates", nameof(discountRates));
        }

        var d = new List<DateOnly>(dates.Length);
        var v = new List<double>(dates.Length);
        for (var i = 0; i < dates.Length; i++)
        {
            if (double.IsNaN(discountRates[i]))
            {
                continue;
            }

            if (d.Count > 0 && dates[i] <= d[^1])
            {
                throw new ArgumentException($"dates must ascend ({d[^1]:yyyy-MM-dd} then {dates[i]:yyyy-MM-dd})", nameof(dates));
            }

            d.Add(dates[i]);
            v.Add(DailyFromDiscount(discountRates[i]));
        }

        return new RiskFreeCurve(TBill3mName, [.. d], [.. v], 0);
    }

    /// <summary>The daily simple rate of a 91-day bill bought at discount rate <paramref name="discount"/> (a fraction): d / (360 − 91·d).</summary>
    public static double DailyFromDiscount(double discount)
    {
        if (!double.IsFinite(discount) || discount is <= -1 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(discount), discount, "a discount rate as a fraction (0.0523 = 5.23%)");
        }

        return discount / (360.0 - (BillDays * discount));
    }

    /// <summary>The daily simple rate known on <paramref name="date"/> (the last observation on or before it; 0 before the first).</summary>
    public double DailyRate(DateOnly date)
    {
        if (_dates.Length == 0)
        {
            return _constant;
        }

        var i = Array.BinarySearch(_dates, date);
        i = i >= 0 ? i : ~i - 1;
        return i < 0 ? 0 : _daily[i];
    }

    /// <summary>
    /// The rate earned over each period of a wealth path: for dates[0..n], n values, the i-th = DailyRate(dates[i]) ×
    /// the days from dates[i] to dates[i + 1] (simple interest at the rate known at the period's start).
    /// </summary>
    public double[] PerPeriod(IReadOnlyList<DateOnly> dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var r = new double[Math.Max(0, dates.Count - 1)];
        for (var i = 0; i < r.Length; i++)
        {
            r[i] = DailyRate(dates[i]) * (dates[i + 1].DayNumber - dates[i].DayNumber);
        }

        return r;
    }

    /// <summary>The average of per-period rates, annualised (× periods per year): what a JSON <c>risk_free_rate</c> reports.</summary>
    public static double Annualised(ReadOnlySpan<double> perPeriod, double periodsPerYear)
    {
        Returns.CheckPeriods(periodsPerYear);
        return perPeriod.IsEmpty ? 0 : PerformanceMetrics.Mean(perPeriod) * periodsPerYear;
    }
}
