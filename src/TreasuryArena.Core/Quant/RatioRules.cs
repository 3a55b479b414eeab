using System.Globalization;

namespace TreasuryArena.Core.Quant;

/// <summary>
/// When a risk-adjusted ratio is a number at all: the one place that decides whether Sharpe, Sortino, Calmar and the
/// information ratio are shown, ranked on or used to decide. Every user-visible figure (backtests, token pages, the CLI,
/// the optimizer's filter, the promotion gate) comes from here; <see cref="PerformanceMetrics"/>' raw functions stay
/// empyrical's formulas (NaN for degenerate input) for parity tests and for callers that apply these rules.
/// <para>A ratio is <em>undefined</em> (null, shown "—", never clamped, never a string) when</para>
/// <list type="bullet">
/// <item>the sample has fewer returns than the caller's minimum: <see cref="MinObservations"/> (30 daily returns) for
/// anything shown, <see cref="MinObservationsToDecide"/> (90) for anything that decides (promotion, the optimizer's
/// filter); or</item>
/// <item>its denominator, annualised, is below <see cref="DenominatorFloor"/> (0.5% a year): the volatility of excess
/// returns for Sharpe, the downside deviation for Sortino, |max drawdown| for Calmar, the tracking error for the
/// information ratio.</item>
/// </list>
/// <para>Why 0.5% a year: a portfolio with 1% in BTC (≈ 50–80% annual volatility) already has ≈ 0.5–0.8%; below the
/// floor a series holds essentially no risky position (a strategy parked in its yield asset), and its "volatility" is
/// NAV rounding and the day-count of the yield accrual (0.0002%–0.02% a year in the demo). A ratio over that noise is
/// not a measurement (the demo showed Sharpe 841,059 and 208); at the floor, a 5% excess return is already Sharpe 10.</para>
/// </summary>
public static class RatioRules
{
    /// <summary>Fewest returns for a ratio that is shown (30 daily returns).</summary>
    public const int MinObservations = 30;

    /// <summary>Fewest returns for a ratio that decides something: promotion out of proving, the optimizer's filter (90 daily returns).</summary>
    public const int MinObservationsToDecide = 90;

    /// <summary>Smallest annualised denominator (volatility, downside deviation, |max drawdown|, tracking error): 0.5% a year.</summary>
    public const double DenominatorFloor = 0.005;

    /// <summary>
    /// Sharpe = mean(r − rf) / std(r − rf, ddof 1) × √N. <paramref name="riskFreePerPeriod"/> has one rate per return
    /// (see <see cref="RiskFreeCurve.PerPeriod"/>) or is empty (0).
    /// </summary>
    public static RatioValue Sharpe(ReadOnlySpan<double> returns, ReadOnlySpan<double> riskFreePerPeriod, double periodsPerYear, int minObservations = MinObservations)
    {
        var excess = Excess(returns, riskFreePerPeriod);
        if (TooShort(excess.Length, minObservations) is { } shortReason)
        {
            return RatioValue.Undefined(shortReason);
        }

        var vol = PerformanceMetrics.AnnualVolatility(excess, periodsPerYear);
        return BelowFloor("volatility of excess returns", vol) is { } floorReason
            ? RatioValue.Undefined(floorReason)
            : RatioValue.Of(PerformanceMetrics.Mean(excess) * periodsPerYear / vol);
    }

    /// <summary>Sharpe against a constant per-period risk-free rate.</summary>
    public static RatioValue Sharpe(ReadOnlySpan<double> returns, double riskFreePerPeriod, double periodsPerYear, int minObservations = MinObservations) =>
        Sharpe(returns, Constant(riskFreePerPeriod, returns.Length), periodsPerYear, minObservations);

    /// <summary>
    /// Sortino = mean(r − target) × N / downside deviation, downside deviation = √(mean over all n of min(r − target, 0)²) × √N.
    /// <paramref name="targetPerPeriod"/> has one value per return or is empty (0).
    /// </summary>
    public static RatioValue Sortino(ReadOnlySpan<double> returns, ReadOnlySpan<double> targetPerPeriod, double periodsPerYear, int minObservations = MinObservations)
    {
        var excess = Excess(returns, targetPerPeriod);
        if (TooShort(excess.Length, minObservations) is { } shortReason)
        {
            return RatioValue.Undefined(shortReason);
        }

        var downside = PerformanceMetrics.DownsideRisk(excess, 0, periodsPerYear);
        return BelowFloor("downside deviation", downside) is { } floorReason
            ? RatioValue.Undefined(floorReason)
            : RatioValue.Of(PerformanceMetrics.Mean(excess) * periodsPerYear / downside);
    }

    /// <summary>Calmar = CAGR / |max drawdown| of the wealth path.</summary>
    public static RatioValue Calmar(ReadOnlySpan<double> returns, double periodsPerYear, int minObservations = MinObservations)
    {
        if (TooShort(returns.Length, minObservations) is { } shortReason)
        {
            return RatioValue.Undefined(shortReason);
        }

        var depth = Math.Abs(PerformanceMetrics.MaxDrawdown(returns).Depth);
        return BelowFloor("max drawdown", depth, perYear: false) is { } floorReason
            ? RatioValue.Undefined(floorReason)
            : RatioValue.Of(PerformanceMetrics.Cagr(returns, periodsPerYear) / depth);
    }

    /// <summary>Information ratio = mean(r − b) / std(r − b, ddof 1) × √N (annualised active return over tracking error).</summary>
    public static RatioValue InformationRatio(ReadOnlySpan<double> returns, ReadOnlySpan<double> benchmark, double periodsPerYear, int minObservations = MinObservations)
    {
        if (benchmark.Length != returns.Length)
        {
            throw new ArgumentException($"{returns.Length} returns but {benchmark.Length} benchmark returns", nameof(benchmark));
        }

        var active = Excess(returns, benchmark);
        if (TooShort(active.Length, minObservations) is { } shortReason)
        {
            return RatioValue.Undefined(shortReason);
        }

        var trackingError = PerformanceMetrics.AnnualVolatility(active, periodsPerYear);
        return BelowFloor("tracking error", trackingError) is { } floorReason
            ? RatioValue.Undefined(floorReason)
            : RatioValue.Of(PerformanceMetrics.Mean(active) * periodsPerYear / trackingError);
    }

    /// <summary>
    /// The Sharpe of a portfolio's <em>expected</em> annual excess return and volatility (an optimizer's model, no sample):
    /// null when the volatility is below <see cref="DenominatorFloor"/> (all cash, or nearly) or either is not finite.
    /// </summary>
    public static double? ExpectedSharpe(double expectedExcessReturn, double volatility) =>
        volatility >= DenominatorFloor && double.IsFinite(expectedExcessReturn) && double.IsFinite(volatility)
            ? expectedExcessReturn / volatility
            : null;

    private static double[] Excess(ReadOnlySpan<double> returns, ReadOnlySpan<double> subtract)
    {
        if (!subtract.IsEmpty && subtract.Length != returns.Length)
        {
            throw new ArgumentException($"{subtract.Length} rates for {returns.Length} returns", nameof(subtract));
        }

        var r = returns.ToArray();
        if (!subtract.IsEmpty)
        {
            for (var i = 0; i < r.Length; i++)
            {
                r[i] -= subtract[i];
            }
        }

        return r;
    }

    private static double[] Constant(double value, int count)
    {
        var r = new double[count];
        Array.Fill(r, value);
        return r;
    }

    private static string? TooShort(int count, int minimum) =>
        count < Math.Max(2, minimum) ? string.Create(CultureInfo.InvariantCulture, $"{count} returns < {Math.Max(2, minimum)}") : null;

    private static string? BelowFloor(string what, double value, bool perYear = true) =>
        value >= DenominatorFloor
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{what} {value:0.####%}{(perYear ? " a year" : "")} < {DenominatorFloor:0.0%}");
}
