using System.Buffers;
using System.Runtime.CompilerServices;

namespace TreasuryArena.Core.Backtesting;

/// <summary>
/// A series computed so that its value at bar i depends only on bars 0..i (moving averages, RSI, state machines
/// scanned forward). Built only by <see cref="IndicatorSet"/>; its values can be read only through a
/// <see cref="MarketView"/>, which refuses anything after the view's bar. NaN means "not known yet" (warm-up).
/// A series built by a forward recurrence may be filled on demand, a block of bars ahead of the latest bar read:
/// the simulator then reads each value while it is still in cache instead of streaming a finished array back in
/// from memory. The values are the same either way (the recurrence runs in the same order over the same bars).
/// Such a series rents its buffer from the shared array pool and gives it back when its <see cref="IndicatorSet"/>
/// is disposed, so back-to-back runs reuse warm memory instead of faulting in fresh pages.
/// </summary>
public sealed class CausalSeries
{
    /// <summary>Bars filled per extension (32 KB of doubles: stays in cache until the simulator reads it).</summary>
    internal const int Block = 4096;

    private readonly int _length;
    private readonly bool _rented;
    private readonly object _gate = new();
    private double[] _values;
    private SeriesFill? _fill;
    private int _ready;
    private bool _released;

    /// <summary>A series whose values are all known.</summary>
    internal CausalSeries(string key, double[] values)
    {
        Key = key;
        _values = values;
        _length = values.Length;
        _ready = values.Length;
    }

    /// <summary>A series of <paramref name="length"/> bars filled in order, as bars are read, by the fill <paramref name="fillInto"/> makes for its (rented) buffer.</summary>
    internal CausalSeries(string key, int length, Func<double[], SeriesFill> fillInto)
    {
        Key = key;
        _values = ArrayPool<double>.Shared.Rent(length);
        _rented = true;
        _length = length;
        _fill = fillInto(_values);
    }

    /// <summary>What the series is, e.g. <c>sma(BTC,200)</c>.</summary>
    public string Key { get; }

    /// <summary>The values, of which bars 0..<paramref name="index"/> (at least) are filled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double[] Through(int index)
    {
        if (index >= Volatile.Read(ref _ready))
        {
            Extend(index);
        }

        return _values;
    }

    /// <summary>Gives a rented buffer back to the pool; reading the series afterwards throws.</summary>
    internal void Release()
    {
        lock (_gate)
        {
            if (!_rented || _released)
            {
                return;
            }

            _released = true;
            _fill = null;
            Volatile.Write(ref _ready, 0);
            var values = _values;
            _values = [];
            ArrayPool<double>.Shared.Return(values);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Extend(int index)
    {
        // Filled bars never change, so readers below _ready need no lock; one writer extends at a time.
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_released, this);
            var ready = _ready;
            if (index < ready)
            {
                return;
            }

            if ((uint)index >= (uint)_length || _fill is null)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"{Key} has {_length} bars");
            }

            var to = Math.Min(_length, Math.Max(index + 1, ready + Block));
            _fill(_values, ready, to);
            if (to == _length)
            {
                _fill = null;
            }

            Volatile.Write(ref _ready, to);
        }
    }
}

/// <summary>Fills <c>values[from..to)</c> of a forward recurrence; called with consecutive ranges from bar 0.</summary>
internal delegate void SeriesFill(double[] values, int from, int to);
