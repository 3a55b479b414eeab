using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.Ports;

namespace TreasuryArena.Infrastructure.MarketData.Live;

/// <summary>Counts, per source, successful calls, failures and validation rejections, and logs each rejection with its reason.</summary>
public sealed class MarketDataQuality(TimeProvider time, ILogger<MarketDataQuality> log) : IMarketDataHealth
{
    private readonly ConcurrentDictionary<string, Counters> _sources = new(StringComparer.Ordinal);

    public void Success(string source)
    {
        var c = Get(source);
        lock (c)
        {
            c.Successes++;
            c.LastSuccessAt = time.GetUtcNow();
        }
    }

    /// <summary>Records a value or response refused by validation, and logs why.</summary>
    public void Reject(string source, string what, string reason)
    {
        MarketDataLog.Rejected(log, source, what, reason);
        var c = Get(source);
        lock (c)
        {
            c.Rejections++;
            c.LastError = $"rejected {what}: {reason}";
        }
    }

    public void Failure(string source, MarketDataFailure failure, string reason)
    {
        MarketDataLog.Failed(log, source, failure.ToString(), reason);
        var c = Get(source);
        lock (c)
        {
            c.Failures++;
            c.LastError = reason;
            c.LastFailureAt = time.GetUtcNow();
        }
    }

    public long Rejections(string source) => _sources.TryGetValue(source, out var c) ? Interlocked.Read(ref c.Rejections) : 0;

    public IReadOnlyList<MarketDataSourceHealth> Sources() =>
    [
        .. _sources.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv =>
        {
            lock (kv.Value)
            {
                var c = kv.Value;
                return new MarketDataSourceHealth(kv.Key, c.Successes, c.Failures, c.Rejections, c.LastError, c.LastSuccessAt, c.LastFailureAt);
            }
        }),
    ];

    private Counters Get(string source) => _sources.GetOrAdd(source, _ => new Counters());

    private sealed class Counters
    {
        public long Successes;
        public long Failures;
        public long Rejections;
        public string? LastError;
        public DateTimeOffset? LastSuccessAt;
        public DateTimeOffset? LastFailureAt;
    }
}
