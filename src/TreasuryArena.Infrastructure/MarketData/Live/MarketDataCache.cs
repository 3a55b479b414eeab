using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TreasuryArena.Core.Ports;

namespace TreasuryArena.Infrastructure.MarketData.Live;

/// <summary>
/// Last-good-value cache with a stated freshness per entry. A fresh entry is served without a call; an expired one is
/// refetched; when the refetch fails, the last good value is served marked stale with the error; with nothing cached
/// the result is empty (the indicator is then reported missing). Nothing is ever invented.
/// </summary>
public sealed class MarketDataCache(TimeProvider time, ILogger<MarketDataCache> log)
{
    private readonly ConcurrentDictionary<string, (object Value, DateTimeOffset FetchedAt)> _entries = new(StringComparer.Ordinal);

    public async Task<CacheResult<T>> GetAsync<T>(string source, string key, TimeSpan freshness, Func<CancellationToken, Task<T>> fetch, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(fetch);
        var now = time.GetUtcNow();
        var has = _entries.TryGetValue(key, out var entry);
        if (has && now - entry.FetchedAt < freshness)
        {
            return new CacheResult<T>((T)entry.Value, entry.FetchedAt, Stale: false, Error: null);
        }

        try
        {
            var value = await fetch(ct);
            var fetchedAt = time.GetUtcNow();
            _entries[key] = (value, fetchedAt);
            MarketDataLog.Fetched(log, source, key);
            return new CacheResult<T>(value, fetchedAt, Stale: false, Error: null);
        }
        catch (MarketDataException ex)
        {
            if (has)
            {
                MarketDataLog.ServingStale(log, source, key, entry.FetchedAt);
                return new CacheResult<T>((T)entry.Value, entry.FetchedAt, Stale: true, ex.Message);
            }

            return new CacheResult<T>(null, null, Stale: false, ex.Message);
        }
    }
}
