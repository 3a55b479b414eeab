using Microsoft.Extensions.Options;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Ports;
using TreasuryArena.Infrastructure.MarketData.Options;

namespace TreasuryArena.Infrastructure.MarketData.Live;

/// <summary>
/// The live snapshot: CoinGecko spot quotes (5-minute freshness) and daily charts, alternative.me Fear &amp; Greed,
/// Binance premium index (last funding rate), Glassnode MVRV Z (with a key), all through <see cref="MarketDataCache"/>.
/// The daily indicators (changes, MA, Mayer, drawdown, volatility) use the same formulas as history. A failed source
/// serves its last good value marked stale; with nothing to serve its indicators are missing with the error.
/// Past dates are answered by the history provider.
/// </summary>
public sealed class LiveMarketDataProvider(
    CoinGeckoClient coinGecko,
    AlternativeMeClient alternativeMe,
    BinanceClient binance,
    GlassnodeClient glassnode,
    MarketDataCache cache,
    IOptions<MarketDataOptions> options,
    TimeProvider time,
    Func<HistoryMarketDataProvider> history) : IMarketDataProvider
{
    public const string ModeName = "live";

    /// <summary>Daily values older than this are marked stale in live mode.</summary>
    public static readonly TimeSpan DailyStaleAfter = TimeSpan.FromHours(48);

    public string Mode => ModeName;

    public DateOnly LatestDate => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<MarketSnapshot> GetSnapshotAsync(DateOnly? asOf, CancellationToken cancellationToken)
    {
        if (asOf is { } d && d < LatestDate)
        {
            return await history().GetSnapshotAsync(d, cancellationToken);
        }

        var o = options.Value;
        var quoteFresh = TimeSpan.FromSeconds(o.QuoteFreshnessSeconds);
        var dailyFresh = TimeSpan.FromSeconds(o.DailyFreshnessSeconds);
        var ct = cancellationToken;

        var spotTask = cache.GetAsync(CoinGeckoClient.Source, "coingecko:simple:bitcoin,ethereum", quoteFresh, c => coinGecko.GetSimplePriceAsync(["bitcoin", "ethereum"], c), ct);
        var btcTask = cache.GetAsync(CoinGeckoClient.Source, "coingecko:chart:bitcoin", dailyFresh, c => coinGecko.GetDailyCloses("bitcoin", "400", c), ct);
        var ethTask = cache.GetAsync(CoinGeckoClient.Source, "coingecko:chart:ethereum", dailyFresh, c => coinGecko.GetDailyCloses("ethereum", "400", c), ct);
        var fngTask = cache.GetAsync(AlternativeMeClient.Source, "alternative.me:fng", dailyFresh, c => alternativeMe.GetFearGreedAsync(10, c), ct);
        var premiumTask = cache.GetAsync(BinanceClient.Source, "binance:premium:BTCUSDT", quoteFresh, c => binance.GetPremiumIndexAsync("BTCUSDT", c), ct);
        var mvrvTask = cache.GetAsync(GlassnodeClient.Source, "glassnode:mvrv_z", dailyFresh, c => glassnode.GetDailyAsync(GlassnodeClient.MvrvZScore, LatestDate.AddDays(-30), c), ct);
        await Task.WhenAll(spotTask, btcTask, ethTask, fngTask, premiumTask, mvrvTask);
        var (spot, btc, eth, fng, premium, mvrv) = (spotTask.Result, btcTask.Result, ethTask.Result, fngTask.Result, premiumTask.Result, mvrvTask.Result);

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var inputs = new IndicatorInputs(
            Series(btc, "btc", "coingecko:market_chart"),
            Series(eth, "eth", "coingecko:market_chart"),
            Series(mvrv, "mvrv_z", GlassnodeClient.Source),
            premium.Value is { } pi ? new IndicatorSeries(new TimeSeries("funding", [DateOnly.FromDateTime(pi.Time.UtcDateTime)], [pi.LastFundingRate]), BinanceClient.Source) : null,
            fng.Value is { Count: > 0 } f ? new IndicatorSeries(new TimeSeries("fear_greed", [.. f.Select(x => x.Date)], [.. f.Select(x => (double)x.Value)]), AlternativeMeClient.Source) : null);
        var s = IndicatorCalculator.Compute(inputs, today, ModeName, TimeSpan.MaxValue);

        IndicatorReading Fix<T>(IndicatorReading r, CacheResult<T> from, string source, DateTimeOffset? observedAt = null, TimeSpan? staleAfter = null)
            where T : class
        {
            if (r.IsMissing)
            {
                return from.HasValue ? r : IndicatorReading.Missing(r.Name, source, from.Error ?? "not served");
            }

            var at = observedAt ?? r.AsOf!.Value;
            var age = now - at;
            var stale = from.Stale || age > (staleAfter ?? DailyStaleAfter);
            var note = from.Stale ? $"source failed ({from.Error}); last good value fetched {from.FetchedAt:yyyy-MM-dd HH:mm} UTC" : stale ? "older than the source's freshness" : null;
            return r with { AsOf = at, Age = age < TimeSpan.Zero ? TimeSpan.Zero : age, Stale = stale, Note = note };
        }

        var btcQuote = spot.Value?.FirstOrDefault(q => q.CoinId == "bitcoin");
        var ethQuote = spot.Value?.FirstOrDefault(q => q.CoinId == "ethereum");
        IndicatorReading Quote(IndicatorReading daily, PriceQuote? q, Func<PriceQuote, double?> pick, CacheResult<IReadOnlyList<DailyPoint>> chart)
        {
            if (q is not null && pick(q) is { } v)
            {
                var at = q.LastUpdated ?? spot.FetchedAt!.Value;
                return Fix(daily with { Value = v, Source = CoinGeckoClient.Source, AsOf = at }, spot, CoinGeckoClient.Source, at, quoteFresh + TimeSpan.FromMinutes(5));
            }

            return Fix(daily, chart, CoinGeckoClient.Source);
        }

        var funding = premium.Value is { } pr ? pr.Time : (DateTimeOffset?)null;
        var mvrvNote = glassnode.IsConfigured ? null : "no Glassnode API key (MarketData:Glassnode:ApiKey)";
        return s with
        {
            AsOf = now,
            BtcPrice = Quote(s.BtcPrice, btcQuote, q => q.Usd, btc),
            BtcChange24h = Quote(s.BtcChange24h, btcQuote, q => q.Change24h, btc),
            BtcChange7d = Fix(s.BtcChange7d, btc, CoinGeckoClient.Source),
            BtcChange30d = Fix(s.BtcChange30d, btc, CoinGeckoClient.Source),
            EthPrice = Quote(s.EthPrice, ethQuote, q => q.Usd, eth),
            EthChange24h = Quote(s.EthChange24h, ethQuote, q => q.Change24h, eth),
            EthChange7d = Fix(s.EthChange7d, eth, CoinGeckoClient.Source),
            EthChange30d = Fix(s.EthChange30d, eth, CoinGeckoClient.Source),
            BtcMa200 = Fix(s.BtcMa200, btc, CoinGeckoClient.Source),
            MayerMultiple = Fix(s.MayerMultiple, btc, CoinGeckoClient.Source),
            BtcDrawdown365 = Fix(s.BtcDrawdown365, btc, CoinGeckoClient.Source),
            MvrvZ = mvrvNote is not null && !mvrv.HasValue ? IndicatorReading.Missing(IndicatorNames.MvrvZ, GlassnodeClient.Source, mvrvNote) : Fix(s.MvrvZ, mvrv, GlassnodeClient.Source),
            FundingRate8h = Fix(s.FundingRate8h, premium, BinanceClient.Source, funding, quoteFresh + TimeSpan.FromMinutes(5)),
            FundingRateAnnualised = Fix(s.FundingRateAnnualised, premium, BinanceClient.Source, funding, quoteFresh + TimeSpan.FromMinutes(5)),
            FearGreed = FearGreedLabel(Fix(s.FearGreed, fng, AlternativeMeClient.Source), fng.Value),
            BtcRealisedVol30d = Fix(s.BtcRealisedVol30d, btc, CoinGeckoClient.Source),
            EthRealisedVol30d = Fix(s.EthRealisedVol30d, eth, CoinGeckoClient.Source),
        };
    }

    /// <summary>Keeps the class the source returned rather than recomputing it.</summary>
    private static IndicatorReading FearGreedLabel(IndicatorReading r, IReadOnlyList<FearGreedPoint>? points) =>
        points is { Count: > 0 } && !r.IsMissing ? r with { Label = points[^1].Classification } : r;

    private static IndicatorSeries? Series(CacheResult<IReadOnlyList<DailyPoint>> result, string name, string source) =>
        result.Value is { Count: > 0 } points
            ? new IndicatorSeries(new TimeSeries(name, [.. points.Select(p => p.Date)], [.. points.Select(p => p.Value)]), source)
            : null;
}
