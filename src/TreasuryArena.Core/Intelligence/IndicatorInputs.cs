using TreasuryArena.Core.MarketData;

namespace TreasuryArena.Core.Intelligence;

/// <summary>The daily series the indicators are computed from; any of them may be absent (its indicators are then missing).</summary>
/// <param name="Btc">BTC-USD daily closes (end of UTC day).</param>
/// <param name="Eth">ETH-USD daily closes (end of UTC day).</param>
/// <param name="MvrvZ">BTC MVRV Z-score, daily.</param>
/// <param name="FundingRate">BTC perpetual funding, fraction per 8h interval, daily.</param>
/// <param name="FearGreed">Crypto Fear &amp; Greed 0..100, daily.</param>
public sealed record IndicatorInputs(
    IndicatorSeries? Btc,
    IndicatorSeries? Eth,
    IndicatorSeries? MvrvZ,
    IndicatorSeries? FundingRate,
    IndicatorSeries? FearGreed)
{
    public const string BtcSource = "history:btc-usd-daily-cmc";
    public const string EthSource = "history:eth-usd-daily-yahoo+coingecko";
    public const string MvrvZSource = "history:btc-mvrv-zscore-daily-bmp";
    public const string FundingSource = "history:btc-funding-rate-binance+bitmex";
    public const string FearGreedSource = "history:crypto-fear-greed-daily";

    /// <summary>The inputs read from the shipped (or fetched) history.</summary>
    public static IndicatorInputs FromHistory(MarketHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return new IndicatorInputs(
            new IndicatorSeries(history.Btc.Closes, BtcSource),
            new IndicatorSeries(history.Eth.Closes, EthSource),
            new IndicatorSeries(history.MvrvZ, MvrvZSource),
            new IndicatorSeries(history.FundingRate, FundingSource),
            new IndicatorSeries(history.FearGreed, FearGreedSource));
    }
}
