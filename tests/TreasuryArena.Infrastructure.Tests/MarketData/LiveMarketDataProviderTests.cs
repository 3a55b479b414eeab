using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.Ports;
using TreasuryArena.Infrastructure.MarketData.Live;

namespace TreasuryArena.Infrastructure.Tests.MarketData;

public sealed class LiveMarketDataProviderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 4, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2024, 4, 2);
    private readonly LocalApi _api = new();
    private readonly ManualTimeProvider _time = new(Now);
    private readonly ServiceProvider _sp;

    public LiveMarketDataProviderTests()
    {
        _sp = MarketDataHost.Build(_api, _time);
        ServeAll();
    }

    public void Dispose()
    {
        _sp.Dispose();
        _api.Dispose();
    }

    private void ServeAll()
    {
        _api.On("/api/v3/simple/price", Reply.Ok(Fixtures.SimplePrice))
            .On("/api/v3/coins/bitcoin/market_chart", Reply.Ok(Fixtures.MarketChart(Today, 401, i => 20_000 + (100 * i))))
            .On("/api/v3/coins/ethereum/market_chart", Reply.Ok(Fixtures.MarketChart(Today, 401, i => 1_000 + i)))
            .On("/fng/", Reply.Ok(Fixtures.FearGreed))
            .On("/fapi/v1/premiumIndex", Reply.Ok(Fixtures.PremiumIndex))
            .On("/v1/metrics/market/mvrv_z_score", Reply.Ok(
                """[{"t":1711843200,"v":2.1},{"t":1711929600,"v":2.2},{"t":1712016000,"v":2.3}]"""));
    }

    private IMarketDataProvider Provider => _sp.GetRequiredService<IMarketDataProvider>();

    [Fact]
    public async Task Snapshot_AllSourcesUp_EveryIndicatorFreshWithItsSource()
    {
        var s = await Provider.GetSnapshotAsync(null, CancellationToken.None);

        Assert.Equal("live", s.Mode);
        Assert.Equal(Now, s.AsOf);
        Assert.All(s.All, r => Assert.False(r.IsMissing, r.Name));
        Assert.All(s.All, r => Assert.False(r.Stale, r.Name));
        Assert.Equal(92345.67, s.BtcPrice.Value);
        Assert.Equal(CoinGeckoClient.Source, s.BtcPrice.Source);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1712058900), s.BtcPrice.AsOf);
        Assert.Equal(-0.025, s.BtcChange24h.Value!.Value, 12);
        // chart point i (20,000 + 100·i) stamped D 00:00 is D−1's close; the last 200 closes are i = 201..400
        Assert.Equal(20_000 + (100 * 300.5), s.BtcMa200.Value!.Value, 6);
        Assert.Equal(60_000 / (20_000 + (100 * 300.5)), s.MayerMultiple.Value!.Value, 12);
        Assert.Equal(2.3, s.MvrvZ.Value);
        Assert.Equal(0.00038246 * 3 * 365, s.FundingRateAnnualised.Value!.Value, 12);
        Assert.Equal("Neutral", s.FearGreed.Label);
        Assert.Equal(AlternativeMeClient.Source, s.FearGreed.Source);
    }

    [Fact]
    public async Task Snapshot_WithinFreshness_ServedFromCacheWithoutCalls()
    {
        await Provider.GetSnapshotAsync(null, CancellationToken.None);
        var calls = _api.Requests.Count;
        _time.Advance(TimeSpan.FromMinutes(4));

        await Provider.GetSnapshotAsync(null, CancellationToken.None);

        Assert.Equal(calls, _api.Requests.Count);
    }

    [Fact]
    public async Task Snapshot_QuoteSourceFailsAfterExpiry_LastGoodValueServedStale()
    {
        await Provider.GetSnapshotAsync(null, CancellationToken.None);
        _api.On("/api/v3/simple/price", new Reply(500, "down"));
        _api.On("/fapi/v1/premiumIndex", Reply.Ok("""{"unexpected":true}"""));
        _time.Advance(TimeSpan.FromMinutes(6));

        var s = await Provider.GetSnapshotAsync(null, CancellationToken.None);

        Assert.Equal(92345.67, s.BtcPrice.Value);
        Assert.True(s.BtcPrice.Stale);
        Assert.Contains("source failed", s.BtcPrice.Note, StringComparison.Ordinal);
        Assert.True(s.BtcPrice.Age > TimeSpan.FromMinutes(6));
        Assert.True(s.FundingRate8h.Stale);
        Assert.False(s.MvrvZ.Stale); // daily sources are still fresh (1 hour)
    }

    [Fact]
    public async Task Snapshot_SourceDownFromTheStart_IndicatorsMissingWithTheError()
    {
        _api.On("/fng/", new Reply(500, "down"));
        _api.On("/api/v3/coins/ethereum/market_chart", Reply.Ok("not json"));

        var s = await Provider.GetSnapshotAsync(null, CancellationToken.None);

        Assert.True(s.FearGreed.IsMissing);
        Assert.Null(s.FearGreed.Value);
        Assert.Contains("500", s.FearGreed.Note, StringComparison.Ordinal);
        Assert.True(s.EthRealisedVol30d.IsMissing);
        Assert.Contains("malformed JSON", s.EthRealisedVol30d.Note, StringComparison.Ordinal);
        Assert.False(s.EthPrice.IsMissing); // the spot quote still answers
        var health = _sp.GetRequiredService<IMarketDataHealth>().Sources();
        Assert.Equal(1, health.Single(h => h.Source == CoinGeckoClient.Source).Rejections);
        Assert.True(health.Single(h => h.Source == AlternativeMeClient.Source).Failures >= 1);
    }

    [Fact]
    public async Task Snapshot_PastDate_AnsweredFromHistory()
    {
        var s = await Provider.GetSnapshotAsync(new DateOnly(2021, 4, 14), CancellationToken.None);

        Assert.Equal("history", s.Mode);
        Assert.Equal(IndicatorInputs.BtcSource, s.BtcPrice.Source);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task Intelligence_LiveWithoutAllocation_OnlyEmergencyTriggers()
    {
        var report = await _sp.GetRequiredService<MarketIntelligence>().AssessAsync(null, null, [], CancellationToken.None);

        Assert.Equal(MarketPhase.EarlyBull, report.Phase.Phase); // MVRV 2.3, Mayer ≈ 1.3, F&G 47
        Assert.Contains("no recorded allocation", report.Reference, StringComparison.Ordinal);
        Assert.Empty(report.Triggers);
    }

    [Fact]
    public async Task PoolYields_Live_FromDefiLlama()
    {
        _api.On("/pools", Reply.Ok(Fixtures.Pools));

        var report = await _sp.GetRequiredService<IPoolYieldSource>().GetPoolYieldsAsync(CancellationToken.None);

        Assert.Equal("p1", Assert.Single(report.Pools).Pool);
        Assert.False(report.Stale);
    }
}
