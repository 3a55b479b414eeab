namespace TreasuryArena.Core.MarketData;

/// <summary>
/// The shipped (or fetched) market history, loaded once and shared read-only by backtests, intelligence and the
/// NAV engine. Every series is keyed by UTC date; nothing here is interpolated or filled.
/// </summary>
/// <param name="Btc">BTC-USD daily OHLCV (CoinMarketCap), close = end of the UTC day.</param>
/// <param name="Eth">ETH-USD daily: Yahoo OHLCV from 2017-11-09; before that, CoinGecko 00:00 snapshots re-dated to the previous day's close (close only).</param>
/// <param name="MvrvZ">BTC MVRV Z-score (Bitcoin Magazine Pro trace; sign restored as described in the data README).</param>
/// <param name="MvrvZGlassnode">BTC MVRV Z-score from Glassnode's API (to 2020-11-17), for cross-checks.</param>
/// <param name="MvrvRatio">BTC MVRV ratio (CryptoQuant), from 2010-07-18 (earlier rows have no real market price).</param>
/// <param name="FearGreed">Crypto Fear &amp; Greed index 0..100 (alternative.me), with upstream gaps.</param>
/// <param name="FundingRate">BTC perpetual funding per 8h interval: Binance daily mean from 2019-09-10, BitMEX daily mean of its 8h events before.</param>
/// <param name="TBill3m">US 3-month T-bill rate as an annual fraction (FRED DTB3 ÷ 100), business days only.</param>
public sealed record MarketHistory(
    OhlcvSeries Btc,
    OhlcvSeries Eth,
    TimeSeries MvrvZ,
    TimeSeries MvrvZGlassnode,
    TimeSeries MvrvRatio,
    TimeSeries FearGreed,
    TimeSeries FundingRate,
    TimeSeries TBill3m)
{
    /// <summary>The OHLCV series of a tradable asset by symbol (<c>BTC</c>, <c>ETH</c>), case-insensitive.</summary>
    public OhlcvSeries? Asset(string symbol) => symbol.ToUpperInvariant() switch
    {
        "BTC" => Btc,
        "ETH" => Eth,
        _ => null,
    };

    /// <summary>The tradable assets this history prices.</summary>
    public static IReadOnlyList<string> TradableAssets { get; } = ["BTC", "ETH"];

    /// <summary>
    /// The first liquid trading day of a tradable asset by <see cref="MarketData.Inception"/>'s rule (computed from this
    /// history), or null for an unknown symbol or an asset that never had a liquid run.
    /// </summary>
    public AssetInception? Inception(string symbol) => Asset(symbol) is { } series ? MarketData.Inception.FirstLiquidDay(series) : null;

    /// <summary>Every tradable asset's inception (those that have one).</summary>
    public IReadOnlyList<AssetInception> Inceptions() => [.. TradableAssets.Select(Inception).OfType<AssetInception>()];

    /// <summary>The last date on which both BTC and ETH closes are known.</summary>
    public DateOnly LastCommonDate => Btc.Closes.Last < Eth.Closes.Last ? Btc.Closes.Last : Eth.Closes.Last;
}
