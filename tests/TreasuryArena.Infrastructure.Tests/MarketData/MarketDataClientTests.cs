using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Core.Ports;
using TreasuryArena.Infrastructure.MarketData.Live;

namespace TreasuryArena.Infrastructure.Tests.MarketData;

public sealed class MarketDataClientTests : IDisposable
{
    private const string SimplePath = "/api/v3/simple/price";
    private static readonly DateTimeOffset Now = new(2024, 4, 2, 12, 0, 0, TimeSpan.Zero);
    private readonly LocalApi _api = new();
    private readonly ServiceProvider _sp;

    public MarketDataClientTests() => _sp = MarketDataHost.Build(_api, new ManualTimeProvider(Now));

    public void Dispose()
    {
        _sp.Dispose();
        _api.Dispose();
    }

    private T Get<T>()
        where T : notnull => _sp.GetRequiredService<T>();

    private long Rejections(string source) => Get<MarketDataQuality>().Rejections(source);

    [Fact]
    public async Task SimplePrice_DocumentedShape_ParsesQuotes()
    {
        _api.On(SimplePath, Reply.Ok(Fixtures.SimplePrice));

        var quotes = await Get<CoinGeckoClient>().GetSimplePriceAsync(["bitcoin", "ethereum"], CancellationToken.None);

        var btc = Assert.Single(quotes, q => q.CoinId == "bitcoin");
        Assert.Equal(92345.67, btc.Usd);
        Assert.Equal(-0.025, btc.Change24h!.Value, 12);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1712058900), btc.LastUpdated);
        Assert.Contains(_api.Requests, r => r.Contains("ids=bitcoin%2Cethereum", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SimplePrice_429WithRetryAfter_WaitsAndRetries()
    {
        _api.On(SimplePath, new Reply(429, """{"status":{"error_code":429}}""", RetryAfter: "1"), Reply.Ok(Fixtures.SimplePrice));
        var watch = Stopwatch.StartNew();

        var quotes = await Get<CoinGeckoClient>().GetSimplePriceAsync(["bitcoin"], CancellationToken.None);

        Assert.Single(quotes);
        Assert.Equal(2, _api.Count(SimplePath));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited only {watch.Elapsed}");
    }

    [Fact]
    public async Task SimplePrice_429WithLongRetryAfter_FailsRateLimitedWithoutRetry()
    {
        _api.On(SimplePath, new Reply(429, "{}", RetryAfter: "120"));

        var ex = await Assert.ThrowsAsync<MarketDataException>(() => Get<CoinGeckoClient>().GetSimplePriceAsync(["bitcoin"], CancellationToken.None));

        Assert.Equal(MarketDataFailure.RateLimited, ex.Failure);
        Assert.True(ex.IsTransient);
        Assert.Equal(1, _api.Count(SimplePath));
    }

    [Fact]
    public async Task SimplePrice_Persistent500_RetriesThenFailsTransient()
    {
        _api.On(SimplePath, new Reply(500, "oops"));

        var ex = await Assert.ThrowsAsync<MarketDataException>(() => Get<CoinGeckoClient>().GetSimplePriceAsync(["bitcoin"], CancellationToken.None));

        Assert.Equal(MarketDataFailure.Unavailable, ex.Failure);
        Assert.Equal(3, _api.Count(SimplePath)); // first attempt + 2 retries
        Assert.Contains("500", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimplePrice_500ThenOk_Recovers()
    {
        _api.On(SimplePath, new Reply(500, "oops"), new Reply(503, "busy"), Reply.Ok(Fixtures.SimplePrice));

        var quotes = await Get<CoinGeckoClient>().GetSimplePriceAsync(["bitcoin"], CancellationToken.None);

        Assert.Single(quotes);
        Assert.Equal(3, _api.Count(SimplePath));
    }

    [Fact]
    public async Task SimplePrice_SlowServer_TimesOut()
    {
        _api.On(SimplePath, new Reply(200, Fixtures.SimplePrice, Delay: TimeSpan.FromSeconds(3)));

        var ex = await Assert.ThrowsAsync<MarketDataException>(() => Get<CoinGeckoClient>().GetSimplePriceAsync(["bitcoin"], CancellationToken.None));

        Assert.Equal(MarketDataFailure.Unavailable, ex.Failure);
        Assert.Contains("timed out", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimplePrice_MalformedJson_RejectedAndCounted()
    {
        _api.On(SimplePath, Reply.Ok("""{"bitcoin":{"usd":9"""));

        var ex = await Assert.ThrowsAsync<MarketDataException>(() => Get<CoinGeckoClient>().GetSimplePriceAsync(["bitcoin"], CancellationToken.None));

        Assert.Equal(MarketDataFailure.Invalid, ex.Failure);
        Assert.False(ex.IsTransient);
        Assert.Equal(1, Rejections(CoinGeckoClient.Source));
    }

    [Fact]
    public async Task SimplePrice_SchemaChanged_RejectedAndCounted()
    {
        _api.On(SimplePath, Reply.Ok("""[{"id":"bitcoin","current_price":92345.67}]"""));

        var ex = await Assert.ThrowsAsync<MarketDataException>(() => Get<CoinGeckoClient>().GetSimplePriceAsync(["bitcoin"], CancellationToken.None));

        Assert.Contains("unexpected response shape", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, Rejections(CoinGeckoClient.Source));
    }

    [Theory]
    [InlineData("""{"bitcoin":{"usd":-5}}""")]
    [InlineData("""{"bitcoin":{"usd":0}}""")]
    [InlineData("""{"bitcoin":{"usd":"NaN"}}""")]
    [InlineData("""{"bitcoin":{"eur":100}}""")]
    [InlineData("""{"bitcoin":{"usd":100,"last_updated_at":1893456000}}""")] // 2030: in the future
    [InlineData("""{"ethereum":{"usd":100}}""")]
    public async Task SimplePrice_BadValue_QuoteRejectedAndCounted(string body)
    {
        _api.On(SimplePath, Reply.Ok(body));

        var quotes = await Get<CoinGeckoClient>().GetSimplePriceAsync(["bitcoin"], CancellationToken.None);

        Assert.Empty(quotes);
        Assert.Equal(1, Rejections(CoinGeckoClient.Source));
        Assert.Equal(0, Rejections(BinanceClient.Source));
    }

    [Fact]
    public async Task MarketChart_BadPoints_DroppedAndCountedGoodOnesRedated()
    {
        var d = (DateTimeOffset t) => t.ToUnixTimeMilliseconds();
        var body = $$"""{"prices":[[{{d(new(2024, 3, 30, 0, 0, 0, TimeSpan.Zero))}},69000.5],[{{d(new(2024, 3, 31, 0, 0, 0, TimeSpan.Zero))}},-1],[{{d(new(2024, 4, 1, 0, 0, 0, TimeSpan.Zero))}},71246.95],[{{d(new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero))}},80000]],"market_caps":[],"total_volumes":[]}""";
        _api.On("/api/v3/coins/bitcoin/market_chart", Reply.Ok(body));

        var points = await Get<CoinGeckoClient>().GetDailyCloses("bitcoin", "10", CancellationToken.None);

        Assert.Equal([new DateOnly(2024, 3, 29), new DateOnly(2024, 3, 31)], points.Select(p => p.Date));
        Assert.Equal(71246.95, points[1].Value);
        Assert.Equal(2, Rejections(CoinGeckoClient.Source)); // negative price, future timestamp
    }

    [Fact]
    public async Task MarketChart_NoPricesArray_SchemaRejected()
    {
        _api.On("/api/v3/coins/bitcoin/market_chart", Reply.Ok("""{"data":{"prices":[]}}"""));

        await Assert.ThrowsAsync<MarketDataException>(() => Get<CoinGeckoClient>().GetDailyCloses("bitcoin", "10", CancellationToken.None));
        Assert.Equal(1, Rejections(CoinGeckoClient.Source));
    }

    [Fact]
    public async Task FearGreed_DocumentedShape_AscendingWithSourceClass()
    {
        _api.On("/fng/", Reply.Ok(Fixtures.FearGreed));

        var points = await Get<AlternativeMeClient>().GetFearGreedAsync(2, CancellationToken.None);

        Assert.Equal([33, 47], points.Select(p => p.Value));
        Assert.Equal("Neutral", points[1].Classification);
        Assert.Equal(new DateOnly(2024, 4, 2), points[1].Date);
    }

    [Fact]
    public async Task FearGreed_MissingFieldAndOutOfRange_RejectedAndCounted()
    {
        _api.On("/fng/", Reply.Ok("""{"data":[{"value":"47","timestamp":"1712016000"},{"value":"140","value_classification":"Greed","timestamp":"1711929600"},{"value":"20","value_classification":"Extreme Fear","timestamp":"1711843200"}]}"""));

        var points = await Get<AlternativeMeClient>().GetFearGreedAsync(3, CancellationToken.None);

        Assert.Equal(20, Assert.Single(points).Value);
        Assert.Equal(2, Rejections(AlternativeMeClient.Source));
    }

    [Fact]
    public async Task FundingRate_DocumentedShape_Parses()
    {
        _api.On("/fapi/v1/fundingRate", Reply.Ok(Fixtures.FundingRates));

        var points = await Get<BinanceClient>().GetFundingRatesAsync("BTCUSDT", null, 100, CancellationToken.None);

        Assert.Equal([-0.0375, 0.0001], points.Select(p => p.Rate));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1570608000000), points[0].Time);
    }

    [Fact]
    public async Task PremiumIndex_DocumentedShape_Parses()
    {
        _api.On("/fapi/v1/premiumIndex", Reply.Ok(Fixtures.PremiumIndex));

        var p = await Get<BinanceClient>().GetPremiumIndexAsync("BTCUSDT", CancellationToken.None);

        Assert.Equal(0.00038246, p.LastFundingRate);
        Assert.Equal(11793.63104562, p.MarkPrice);
    }

    [Theory]
    [InlineData("""{"symbol":"BTCUSDT","markPrice":"NaN","indexPrice":"1","lastFundingRate":"0.0001","nextFundingTime":1712044800000,"time":1712059200000}""")]
    [InlineData("""{"symbol":"BTCUSDT","markPrice":"0","indexPrice":"1","lastFundingRate":"0.0001","nextFundingTime":1712044800000,"time":1712059200000}""")]
    [InlineData("""{"symbol":"BTCUSDT","markPrice":"1","indexPrice":"1","lastFundingRate":"0.0001","nextFundingTime":1712044800000,"time":1893456000000}""")]
    [InlineData("""{"symbol":"BTCUSDT","markPrice":"1","indexPrice":"1","nextFundingTime":1712044800000,"time":1712059200000}""")]
    public async Task PremiumIndex_BadValueOrMissingField_Rejected(string body)
    {
        _api.On("/fapi/v1/premiumIndex", Reply.Ok(body));

        var ex = await Assert.ThrowsAsync<MarketDataException>(() => Get<BinanceClient>().GetPremiumIndexAsync("BTCUSDT", CancellationToken.None));

        Assert.Equal(MarketDataFailure.Invalid, ex.Failure);
        Assert.Equal(1, Rejections(BinanceClient.Source));
    }

    [Fact]
    public async Task Glassnode_NullValues_AreGapsNotErrors()
    {
        _api.On("/v1/metrics/market/mvrv_z_score", Reply.Ok(Fixtures.Glassnode));

        var points = await Get<GlassnodeClient>().GetDailyAsync(GlassnodeClient.MvrvZScore, null, CancellationToken.None);

        Assert.Equal(2, points.Count);
        Assert.Equal(new DateOnly(2020, 11, 16), points[0].Date);
        Assert.Equal(0, Rejections(GlassnodeClient.Source));
        Assert.Contains(_api.Requests, r => r.Contains("api_key=test-key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Glassnode_NoKey_NotConfiguredWithoutCalling()
    {
        using var sp = MarketDataHost.Build(_api, extra: new() { ["MarketData:Glassnode:ApiKey"] = "" });

        var ex = await Assert.ThrowsAsync<MarketDataException>(() => sp.GetRequiredService<GlassnodeClient>().GetDailyAsync(GlassnodeClient.MvrvZScore, null, CancellationToken.None));

        Assert.Equal(MarketDataFailure.NotConfigured, ex.Failure);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task DefiLlama_Pools_FilteredToProjectsApyAsFraction()
    {
        _api.On("/pools", Reply.Ok(Fixtures.Pools));

        var pools = await Get<DefiLlamaClient>().GetPoolsAsync(["aave-v3"], 1_000_000, CancellationToken.None);

        var p = Assert.Single(pools);
        Assert.Equal(0.05, p.Apy, 12);
        Assert.Equal(0.04, p.ApyBase!.Value, 12);
        Assert.True(p.Stablecoin);
    }

    [Fact]
    public async Task CircuitBreaker_RepeatedFailures_OpensAndStopsCalling()
    {
        using var api = new LocalApi();
        api.On(SimplePath, new Reply(500, "down"));
        using var sp = MarketDataHost.Build(api, extra: new()
        {
            ["Http:Resilience:BreakerMinimumThroughput"] = "2",
            ["Http:Resilience:MaxRetries"] = "1",
            ["Http:Resilience:BreakDurationSeconds"] = "60",
        });
        var client = sp.GetRequiredService<CoinGeckoClient>();

        await Assert.ThrowsAsync<MarketDataException>(() => client.GetSimplePriceAsync(["bitcoin"], CancellationToken.None));
        var callsBefore = api.Count(SimplePath);
        var ex = await Assert.ThrowsAsync<MarketDataException>(() => client.GetSimplePriceAsync(["bitcoin"], CancellationToken.None));

        Assert.Contains("circuit open", ex.Message, StringComparison.Ordinal);
        Assert.Equal(callsBefore, api.Count(SimplePath));
    }
}
