using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Infrastructure.MarketData.Fetch;
using TreasuryArena.Infrastructure.MarketData.History;

namespace TreasuryArena.Infrastructure.Tests.MarketData;

public sealed class HistoryFetcherTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 4, 2, 12, 0, 0, TimeSpan.Zero);
    private readonly LocalApi _api = new();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"fetch-{Guid.NewGuid():N}");

    public void Dispose()
    {
        _api.Dispose();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private void ServeAll()
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        _api.On("/api/v3/coins/bitcoin/market_chart", Reply.Ok(Fixtures.MarketChart(today, 300, i => 20_000 + i)))
            .On("/api/v3/coins/ethereum/market_chart", Reply.Ok(Fixtures.MarketChart(today, 300, i => 1_000 + i)))
            .On("/v1/metrics/market/mvrv_z_score", Reply.Ok(Fixtures.Glassnode))
            .On("/v1/metrics/market/mvrv", Reply.Ok("""[{"t":1605484800,"v":2.1},{"t":1605571200,"v":2.2}]"""))
            .On("/fng/", Reply.Ok(Fixtures.FearGreed))
            .On("/fapi/v1/fundingRate", Reply.Ok(Fixtures.FundingRates))
            .On("/graph/fredgraph.csv", Reply.Ok("observation_date,DTB3\n2024-03-28,5.23\n2024-03-29,.\n2024-04-01,5.24\n"));
    }

    private async Task<IReadOnlyList<FetchOutcome>> FetchAsync()
    {
        using var sp = MarketDataHost.Build(_api, new ManualTimeProvider(Now));
        return await sp.GetRequiredService<HistoryFetcher>().FetchAsync(_dir, CancellationToken.None);
    }

    [Fact]
    public async Task Fetch_AllSourcesUp_WritesALayoutTheLoaderReads()
    {
        ServeAll();

        var outcomes = await FetchAsync();

        Assert.All(outcomes, o => Assert.True(o.Written, $"{o.File}: {o.Error}"));
        var history = HistoryLoader.LoadUncached(_dir);
        Assert.Equal(300, history.Btc.Count); // 300 midnight points, each re-dated to the previous day (its close); the intraday point is dropped
        Assert.Equal(new DateOnly(2024, 4, 1), history.Btc.Closes.Last);
        Assert.Equal([33.0, 47.0], history.FearGreed.Values.ToArray());
        Assert.Equal((-0.0375 + 0.0001) / 2, Assert.Single(history.FundingRate.Values.ToArray()), 12); // two settlements of 2019-10-09 averaged
        Assert.Equal(0.0524, history.TBill3m.ValueAt(1), 12);
        Assert.Equal(2, history.MvrvZ.Count);
    }

    [Fact]
    public async Task Fetch_SomeSourcesDown_WritesTheOthersAndSaysWhatFailed()
    {
        ServeAll();
        _api.On("/fng/", new Reply(500, "down"));
        _api.On("/fapi/v1/fundingRate", Reply.Ok("""{"code":-1121,"msg":"Invalid symbol."}"""));

        var outcomes = await FetchAsync();

        var fng = Assert.Single(outcomes, o => o.File == HistoryLoader.FearGreedFile);
        Assert.False(fng.Written);
        Assert.Contains("500", fng.Error, StringComparison.Ordinal);
        Assert.False(Assert.Single(outcomes, o => o.File == HistoryLoader.FundingBinanceFile).Written);
        Assert.False(File.Exists(Path.Combine(_dir, HistoryLoader.FearGreedFile)));
        Assert.True(File.Exists(Path.Combine(_dir, HistoryLoader.BtcFile)));
        Assert.Equal(5, outcomes.Count(o => o.Written));
    }

    [Fact]
    public async Task Fetch_NothingReachable_EveryFileFailsGracefully()
    {
        var port = new Uri(_api.BaseUrl).Port;
        _api.Dispose(); // nothing listens any more

        var outcomes = await FetchAsync();

        Assert.Equal(7, outcomes.Count);
        Assert.All(outcomes, o => Assert.False(o.Written));
        Assert.All(outcomes, o => Assert.False(string.IsNullOrWhiteSpace(o.Error)));
        Assert.True(port > 0);
    }
}
