namespace TreasuryArena.Core.MarketData;

/// <summary>
/// Daily bars of one asset: open/high/low/close/volume arrays sharing one ascending date axis.
/// A missing open/high/low/volume is <see cref="double.NaN"/> (some sources give close only).
/// </summary>
public sealed class OhlcvSeries
{
    public OhlcvSeries(string symbol, DateOnly[] dates, double[] open, double[] high, double[] low, double[] close, double[] volume)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var n = dates.Length;
        if (open.Length != n || high.Length != n || low.Length != n || close.Length != n || volume.Length != n)
        {
            throw new ArgumentException($"{symbol}: OHLCV arrays differ in length");
        }

        Symbol = symbol;
        Dates = dates;
        Open = open;
        High = high;
        Low = low;
        Close = close;
        Volume = volume;
        Closes = new TimeSeries(symbol, dates, close);
    }

    public string Symbol { get; }

    public DateOnly[] Dates { get; }

    public double[] Open { get; }

    public double[] High { get; }

    public double[] Low { get; }

    public double[] Close { get; }

    public double[] Volume { get; }

    /// <summary>The close prices as a series (shares the arrays).</summary>
    public TimeSeries Closes { get; }

    public int Count => Dates.Length;
}
