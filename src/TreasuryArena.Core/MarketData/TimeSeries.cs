namespace TreasuryArena.Core.MarketData;

/// <summary>
/// An immutable daily (or any fixed-interval) series of values keyed by UTC date, ascending, no duplicates.
/// Values are <c>double</c>: this is analytics input; the ledger converts at its own boundary.
/// </summary>
public sealed class TimeSeries
{
    private readonly DateOnly[] _dates;
    private readonly double[] _values;

    public TimeSeries(string name, DateOnly[] dates, double[] values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(values);
        if (dates.Length != values.Length)
        {
            throw new ArgumentException($"{name}: {dates.Length} dates but {values.Length} values");
        }

        for (var i = 1; i < dates.Length; i++)
        {
            if (dates[i] <= dates[i - 1])
            {
                throw new ArgumentException($"{name}: dates must ascend without duplicates ({dates[i - 1]:yyyy-MM-dd} then {dates[i]:yyyy-MM-dd})");
            }
        }

        Name = name;
        _dates = dates;
        _values = values;
    }

    public string Name { get; }

    public int Count => _dates.Length;

    public ReadOnlySpan<DateOnly> Dates => _dates;

    public ReadOnlySpan<double> Values => _values;

    public DateOnly First => _dates[0];

    public DateOnly Last => _dates[^1];

    public DateOnly DateAt(int index) => _dates[index];

    public double ValueAt(int index) => _values[index];

    /// <summary>Index of the last point dated on or before <paramref name="date"/>, or -1 when none is.</summary>
    public int IndexOnOrBefore(DateOnly date)
    {
        var i = Array.BinarySearch(_dates, date);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>The last value known on <paramref name="date"/> (never a later one), with its own date.</summary>
    public bool TryGetAsOf(DateOnly date, out DateOnly observed, out double value)
    {
        var i = IndexOnOrBefore(date);
        if (i < 0)
        {
            observed = default;
            value = double.NaN;
            return false;
        }

        observed = _dates[i];
        value = _values[i];
        return true;
    }

    /// <summary>The points dated on or before <paramref name="date"/>: what an observer on that date could know.</summary>
    public TimeSeries Until(DateOnly date)
    {
        var n = IndexOnOrBefore(date) + 1;
        return n == Count ? this : new TimeSeries(Name, _dates[..n], _values[..n]);
    }

    public TimeSeries Between(DateOnly from, DateOnly to)
    {
        var start = IndexOnOrBefore(from.AddDays(-1)) + 1;
        var end = IndexOnOrBefore(to) + 1;
        return new TimeSeries(Name, _dates[start..Math.Max(start, end)], _values[start..Math.Max(start, end)]);
    }
}
