namespace TreasuryArena.Core.Common;

/// <summary>
/// The one place where money (<see cref="decimal"/>: cash, prices, NAVs, shares, fees, weights held in the ledger) meets
/// analytics (<see cref="double"/>: returns, covariance, optimization, backtests). Every conversion between the two in Core
/// goes through these methods (an architecture test scans Core's IL for any other), so a reader finds each crossing by name
/// and a non-finite analytic value never reaches the ledger as an exception from a cast.
/// <para>Towards money the value is converted exactly as <c>(decimal)double</c> does (at most 15 significant digits) and then
/// rounded only by the caller, through <see cref="RoundingPolicy"/>.</para>
/// </summary>
public static class AnalyticsBoundary
{
    /// <summary>A decimal as a double, for analytics.</summary>
    public static double ToDouble(decimal value) => (double)value;

    /// <summary>An optional decimal as an optional double (null stays null).</summary>
    public static double? ToDouble(decimal? value) => value is { } v ? (double)v : null;

    /// <summary>A finite double as a decimal; throws <see cref="ArgumentOutOfRangeException"/> for NaN, ±∞ or a magnitude a decimal cannot hold.</summary>
    public static decimal ToDecimal(double value)
    {
        if (!Fits(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "an analytic value must be finite and within the decimal range to become money");
        }

        return (decimal)value;
    }

    /// <summary>A double as a decimal, or null when it is NaN, ±∞ or out of the decimal range.</summary>
    public static decimal? ToDecimalOrNull(double value) => Fits(value) ? (decimal)value : null;

    /// <summary>Decimals of an analytic figure kept with money (a Sharpe ratio, a volatility, a drawdown, a return).</summary>
    public const int MetricScale = 6;

    /// <summary>An analytic figure (Sharpe, volatility, drawdown, return) as a decimal at <see cref="MetricScale"/> decimals, half away
    /// from zero; null when it is NaN, ±∞ or beyond ±10¹² (no figure of that size is meaningful).</summary>
    public static decimal? ToMetric(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 1e12 ? RoundingPolicy.Ratio((decimal)value, MetricScale) : null;

    /// <summary>Each decimal of <paramref name="values"/> as a double.</summary>
    public static double[] ToDoubles(IEnumerable<decimal> values) => [.. values.Select(v => (double)v)];

    private static bool Fits(double value) => double.IsFinite(value) && Math.Abs(value) < 7.9e28;
}
