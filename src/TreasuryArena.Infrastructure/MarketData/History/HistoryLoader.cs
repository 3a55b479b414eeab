using System.Collections.Concurrent;
using TreasuryArena.Core.MarketData;

namespace TreasuryArena.Infrastructure.MarketData.History;

/// <summary>Loads <see cref="MarketHistory"/> from a directory in the shipped layout; cached per directory.</summary>
public static class HistoryLoader
{
    public const string BtcFile = "btc-usd-daily-cmc.csv";
    public const string EthYahooFile = "eth-usd-daily-yahoo.csv";
    public const string EthCoinGeckoFile = "eth-usd-daily-coingecko.csv";
    public const string MvrvZFile = "btc-mvrv-zscore-daily-bmp.csv";
    public const string MvrvZGlassnodeFile = "btc-mvrv-zscore-daily-glassnode.csv";
    public const string MvrvRatioFile = "btc-mvrv-ratio-daily-cryptoquant.csv";
    public const string FearGreedFile = "crypto-fear-greed-daily.csv";
    public const string FundingBinanceFile = "btc-funding-rate-binance-daily.csv";
    public const string FundingBitmexFile = "btc-funding-rate-bitmex-8h.csv";
    public const string TBillFile = "us-tbill-3m-daily-fred-dtb3.csv";

    /// <summary>The first day with a real market price; earlier MVRV ratio rows are meaningless (data README).</summary>
    private static readonly DateOnly FirstMarketDay = new(2010, 7, 18);

    private static readonly ConcurrentDictionary<string, Lazy<MarketHistory>> Cache = new(StringComparer.Ordinal);

    public static MarketHistory Load(string directory)
    {
        var full = Path.GetFullPath(directory);
        return Cache.GetOrAdd(full, d => new Lazy<MarketHistory>(() => LoadUncached(d))).Value;
    }

    public static MarketHistory LoadUncached(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"market history directory not found: {directory}");
        }

        string P(string file) => Path.Combine(directory, file);

        var btc = HistoryCsv.ReadOhlcv(P(BtcFile), "BTC");
        var eth = MergeEth(HistoryCsv.ReadOhlcv(P(EthYahooFile), "ETH"), OptionalOhlcv(P(EthCoinGeckoFile), "ETH"));
        var mvrvRatio = HistoryCsv.ReadValues(P(MvrvRatioFile), "mvrv_ratio");
        mvrvRatio = mvrvRatio.Between(FirstMarketDay, mvrvRatio.Last);
        var bitmex = File.Exists(P(FundingBitmexFile)) ? HistoryCsv.ReadIntradayAsDailyMean(P(FundingBitmexFile), "funding_rate") : null;
        var binance = HistoryCsv.ReadValues(P(FundingBinanceFile), "funding_rate");
        return new MarketHistory(
            btc,
            eth,
            HistoryCsv.ReadValues(P(MvrvZFile), "mvrv_z"),
            File.Exists(P(MvrvZGlassnodeFile)) ? HistoryCsv.ReadValues(P(MvrvZGlassnodeFile), "mvrv_z_glassnode") : new TimeSeries("mvrv_z_glassnode", [], []),
            mvrvRatio,
            HistoryCsv.ReadValues(P(FearGreedFile), "fear_greed"),
            bitmex is null ? binance : Splice(bitmex, binance),
            HistoryCsv.ReadValues(P(TBillFile), "tbill_3m", scale: 0.01));
    }

    private static OhlcvSeries? OptionalOhlcv(string path, string symbol) =>
        File.Exists(path) ? HistoryCsv.ReadOhlcv(path, symbol) : null;

    /// <summary>
    /// Yahoo bars where they exist; before them, CoinGecko's 00:00 UTC snapshot of day D re-dated to D−1 (it is
    /// roughly D−1's close, per the data README), close only. The 2015 thin-market first days are skipped.
    /// </summary>
    private static OhlcvSeries MergeEth(OhlcvSeries yahoo, OhlcvSeries? coingecko)
    {
        if (coingecko is null)
        {
            return yahoo;
        }

        var start = yahoo.Dates[0];
        var firstUsable = new DateOnly(2015, 8, 10);
        var early = new List<int>();
        for (var i = 0; i < coingecko.Count; i++)
        {
            var d = coingecko.Dates[i].AddDays(-1);
            if (d >= firstUsable && d < start)
            {
                early.Add(i);
            }
        }

        var n = early.Count + yahoo.Count;
        var dates = new DateOnly[n];
        var o = new double[n];
        var h = new double[n];
        var l = new double[n];
        var c = new double[n];
        var v = new double[n];
        var k = 0;
        foreach (var i in early)
        {
            dates[k] = coingecko.Dates[i].AddDays(-1);
            o[k] = h[k] = l[k] = double.NaN;
            c[k] = coingecko.Close[i];
            v[k] = coingecko.Volume[i];
            k++;
        }

        yahoo.Dates.CopyTo(dates, k);
        yahoo.Open.CopyTo(o, k);
        yahoo.High.CopyTo(h, k);
        yahoo.Low.CopyTo(l, k);
        yahoo.Close.CopyTo(c, k);
        yahoo.Volume.CopyTo(v, k);
        return new OhlcvSeries("ETH", dates, o, h, l, c, v);
    }

    /// <summary>Earlier series up to the day before the later one starts, then the later one.</summary>
    private static TimeSeries Splice(TimeSeries earlier, TimeSeries later)
    {
        var head = earlier.Until(later.First.AddDays(-1));
        var dates = new DateOnly[head.Count + later.Count];
        var values = new double[dates.Length];
        head.Dates.CopyTo(dates);
        head.Values.CopyTo(values);
        later.Dates.CopyTo(dates.AsSpan(head.Count));
        later.Values.CopyTo(values.AsSpan(head.Count));
        return new TimeSeries(later.Name, dates, values);
    }
}
