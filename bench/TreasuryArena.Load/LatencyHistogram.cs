namespace TreasuryArena.Load;

/// <summary>
/// Latencies in microseconds, bucketed the HdrHistogram way: values below 2^<see cref="SubBits"/> µs exactly, above that
/// 2^(<see cref="SubBits"/> - 1) buckets per power of two (within 1/64, 1.6%), so a percentile needs no sorting and
/// memory does not grow with the run. Thread-safe.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBits = 7;
    private const int SubCount = 1 << SubBits;
    private readonly long[] _counts = new long[(64 - SubBits + 1) * SubCount];
    private long _total;
    private long _max;

    public long Count => Interlocked.Read(ref _total);

    public long MaxMicroseconds => Interlocked.Read(ref _max);

    public void Record(long microseconds)
    {
        var v = Math.Max(0, microseconds);
        Interlocked.Increment(ref _counts[Index(v)]);
        Interlocked.Increment(ref _total);
        long seen;
        while (v > (seen = Interlocked.Read(ref _max)) && Interlocked.CompareExchange(ref _max, v, seen) != seen)
        {
        }
    }

    /// <summary>The smallest bucket bound below which <paramref name="percentile"/> % of the values lie (the max for 100).</summary>
    public long Percentile(double percentile)
    {
        var total = Count;
        if (total == 0)
        {
            return 0;
        }

        var target = (long)Math.Ceiling(total * percentile / 100.0);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= Math.Max(1, target))
            {
                return Math.Min(UpperBound(i), MaxMicroseconds);
            }
        }

        return MaxMicroseconds;
    }

    internal static int Index(long v)
    {
        if (v < SubCount)
        {
            return (int)v;
        }

        var exponent = 63 - (int)long.LeadingZeroCount(v) - SubBits + 1; // ≥ 1
        var sub = (int)(v >> exponent) - (SubCount / 2);              // 0 … SubCount/2 - 1
        return (exponent * (SubCount / 2)) + (SubCount / 2) + sub;
    }

    internal static long UpperBound(int index)
    {
        if (index < SubCount)
        {
            return index;
        }

        var exponent = (index - (SubCount / 2)) / (SubCount / 2);
        var sub = (index - (SubCount / 2)) % (SubCount / 2);
        return ((long)(sub + (SubCount / 2) + 1) << exponent) - 1;
    }
}
