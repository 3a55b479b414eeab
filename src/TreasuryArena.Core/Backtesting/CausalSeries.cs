namespace TreasuryArena.Core.Backtesting;

/// <summary>
/// A series computed so that its value at bar i depends only on bars 0..i (moving averages, RSI, state machines
/// scanned forward). Built only by <see cref="IndicatorSet"/>; its values can be read only through a
/// <see cref="MarketView"/>, which refuses anything after the view's bar. NaN means "not known yet" (warm-up).
/// </summary>
public sealed class CausalSeries
{
    internal CausalSeries(string key, double[] values)
    {
        Key = key;
        Values = values;
    }

    /// <summary>What the series is, e.g. <c>sma(BTC,200)</c>.</summary>
    public string Key { get; }

    internal double[] Values { get; }
}
