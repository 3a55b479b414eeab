using Microsoft.Extensions.Options;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.Ports;
using TreasuryArena.Infrastructure.MarketData.Options;

namespace TreasuryArena.Infrastructure.MarketData.Live;

/// <summary>Live pool yields from DefiLlama through the cache (daily freshness); stale or empty with the error when it fails.</summary>
public sealed class DefiLlamaPoolYieldSource(DefiLlamaClient client, MarketDataCache cache, IOptions<MarketDataOptions> options) : IPoolYieldSource
{
    public async Task<PoolYieldReport> GetPoolYieldsAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var projects = o.DefiLlama.Projects is { Length: > 0 } p ? p : DefiLlamaOptions.DefaultProjects;
        var result = await cache.GetAsync(
            DefiLlamaClient.Source,
            "defillama:pools",
            TimeSpan.FromSeconds(o.DailyFreshnessSeconds),
            ct => client.GetPoolsAsync(projects, o.DefiLlama.MinTvlUsd, ct),
            cancellationToken);
        return result.Value is { } pools
            ? new PoolYieldReport(pools, DefiLlamaClient.Source, result.FetchedAt, result.Stale, result.Stale ? $"source failed ({result.Error}); last good list" : null)
            : new PoolYieldReport([], DefiLlamaClient.Source, null, Stale: false, result.Error);
    }
}
