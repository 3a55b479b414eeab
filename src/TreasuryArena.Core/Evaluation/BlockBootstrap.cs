using TreasuryArena.Core.Quant;

namespace TreasuryArena.Core.Evaluation;

/// <summary>
/// Moving-block bootstrap (Künsch 1989) of paired daily returns: each resample glues randomly chosen blocks of
/// <c>block</c> consecutive days (the same days for both series, so their dependence is kept, and volatility clustering
/// within a block) until it has as many days as the sample; the statistic is recomputed on each resample and the
/// interval is its percentile range. Deterministic for a seed.
/// </summary>
public static class BlockBootstrap
{
    /// <summary>
    /// The yearly excess CAGR(a) − CAGR(b) (365 periods a year) with its percentile interval at <paramref name="level"/>.
    /// The interval is null with fewer than two blocks of returns.
    /// </summary>
    public static ExcessEstimate ExcessCagr(double[] a, double[] b, int block, int samples, int seed, double level)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"{a.Length} returns against {b.Length}", nameof(b));
        }

        var method = $"moving-block bootstrap of paired daily returns: block {block} days, {samples} resamples, seed {seed}, {level:P0} percentile interval";
        var n = a.Length;
        var value = n > 0 ? Scorecard.Defined(Cagr(a) - Cagr(b)) : null;
        if (n < 2 * block)
        {
            return new ExcessEstimate(value, null, null, method + $"; not estimated with {n} returns (need {2 * block})");
        }

        var random = new Random(seed);
        var stats = new double[samples];
        var ra = new double[n];
        var rb = new double[n];
        var starts = n - block + 1;
        for (var s = 0; s < samples; s++)
        {
            var k = 0;
            while (k < n)
            {
                var start = random.Next(starts);
                for (var j = 0; j < block && k < n; j++, k++)
                {
                    ra[k] = a[start + j];
                    rb[k] = b[start + j];
                }
            }

            stats[s] = Cagr(ra) - Cagr(rb);
        }

        var finite = stats.Where(double.IsFinite).ToArray();
        if (finite.Length < samples / 2)
        {
            return new ExcessEstimate(value, null, null, method + "; too many undefined resamples");
        }

        Array.Sort(finite);
        var tail = (1 - level) / 2;
        return new ExcessEstimate(value, Quantile(finite, tail), Quantile(finite, 1 - tail), method);
    }

    private static double Cagr(double[] r) => PerformanceMetrics.Cagr(r, Scorecard.PeriodsPerYear);

    private static double Quantile(double[] sorted, double q)
    {
        var pos = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((pos - lo) * (sorted[hi] - sorted[lo]));
    }
}
