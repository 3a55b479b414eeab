using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace TreasuryArena.Core.Backtesting;

/// <summary>
/// What a strategy can know at the close of bar <see cref="Index"/>: prices and indicators up to and including
/// that bar, nothing later. Every accessor is bounded by the bar, so look-ahead cannot be written.
/// </summary>
public readonly ref struct MarketView
{
    private readonly BarData _data;

    internal MarketView(BarData data, int index, int startIndex)
    {
        _data = data;
        Index = index;
        StartIndex = startIndex;
    }

    /// <summary>The current bar (its close has just happened).</summary>
    public int Index { get; }

    /// <summary>The first bar of the backtest (earlier bars are warm-up history).</summary>
    public int StartIndex { get; }

    public DateOnly Date => _data.Dates[Index];

    /// <summary>The date of an earlier bar (<paramref name="lag"/> ≥ 0 bars back).</summary>
    public DateOnly DateAt(int lag) => _data.Dates[Checked(lag)];

    public int AssetCount => _data.Assets.Count;

    public string Symbol(int asset) => _data.Assets[asset].Symbol;

    /// <summary>The close of an asset <paramref name="lag"/> bars back (0 = this bar).</summary>
    public double Close(int asset, int lag = 0) => _data.Assets[asset].Close[Checked(lag)];

    /// <summary>The closes of an asset from the first bar up to and including this one.</summary>
    public ReadOnlySpan<double> Closes(int asset) => _data.Assets[asset].Close.AsSpan(0, Index + 1);

    /// <summary>An indicator's value <paramref name="lag"/> bars back (0 = this bar).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Value(CausalSeries series, int lag = 0) => series.Through(Index)[Checked(lag)];

    /// <summary>The last <paramref name="length"/> values of an indicator ending at this bar (shorter near the start).</summary>
    public ReadOnlySpan<double> Window(CausalSeries series, int length)
    {
        var start = Math.Max(0, Index + 1 - length);
        return series.Through(Index).AsSpan(start, Index + 1 - start);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Checked(int lag)
    {
        var i = Index - lag;
        if (unchecked((uint)lag > (uint)Index))
        {
            Refuse(lag);
        }

        return i;
    }

    [DoesNotReturn]
    private static void Refuse(int lag) =>
        throw new ArgumentOutOfRangeException(nameof(lag), lag, lag < 0 ? "a strategy cannot look at a later bar" : "before the first bar");
}
