using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Quant;

/// <summary>
/// Drawdowns of money values (a token's NAV, a wallet's value), for the breakers, the token and wallet pages and the
/// evaluation. A drawdown is a <b>positive</b> fraction below the peak, <c>1 − value / peak</c>. The deepest drawdown of a
/// path is <see cref="PerformanceMetrics.MaxDrawdown"/>'s (the only max-drawdown implementation), reached here through
/// <see cref="AnalyticsBoundary"/>.
/// </summary>
public static class Drawdowns
{
    /// <summary><c>1 − value / peak</c>, never below zero; null without a positive peak. Not rounded: the breakers compare it with their limits.</summary>
    public static decimal? BelowPeak(decimal peak, decimal value) => peak > 0m ? Math.Max(0m, 1m - (value / peak)) : null;

    /// <summary><see cref="BelowPeak"/> as reported (events, pages, API) at <see cref="AnalyticsBoundary.MetricScale"/> decimals, half away from zero.</summary>
    public static decimal? Reported(decimal peak, decimal value) =>
        BelowPeak(peak, value) is { } d ? RoundingPolicy.Ratio(d, AnalyticsBoundary.MetricScale) : null;

    /// <summary>
    /// The deepest drawdown of a path of positive values (the first counts as a peak), as a positive fraction, not rounded;
    /// zero for fewer than two values. A non-positive value ends no drawdown (its return is taken as zero).
    /// </summary>
    public static decimal Deepest(IReadOnlyList<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2)
        {
            return 0m;
        }

        var returns = new double[values.Count - 1];
        for (var i = 1; i < values.Count; i++)
        {
            returns[i - 1] = values[i - 1] > 0m ? AnalyticsBoundary.ToDouble((values[i] / values[i - 1]) - 1m) : 0.0;
        }

        return AnalyticsBoundary.ToDecimal(-PerformanceMetrics.MaxDrawdown(returns).Depth);
    }
}
