using System.Threading.RateLimiting;
using TreasuryArena.Core.Identity;
using TreasuryArena.Server.Hosting;

namespace TreasuryArena.Server.Http;

/// <summary>
/// The API's global limiter: one token bucket per API key (per client address for requests without a valid key),
/// <see cref="ArenaServerOptions.RateLimitPerSecond"/> tokens a second up to <see cref="ArenaServerOptions.RateLimitBurst"/>.
/// The bucket settings and the limiter factory are made once; a request costs a lookup by (key id, address).
/// </summary>
public static class ApiRateLimiter
{
    public static PartitionedRateLimiter<HttpContext> Create(ArenaServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Not auto-replenishing: the partitioned limiter's own timer replenishes every bucket.
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.RateLimitBurst,
            TokensPerPeriod = options.RateLimitPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = false,
        };
        Func<(Guid, string?), RateLimiter> factory = _ => new TokenBucketRateLimiter(bucket);
        return PartitionedRateLimiter.Create<HttpContext, (Guid KeyId, string? Address)>(http =>
            RateLimitPartition.Get(
                http.Features.Get<Caller>() is { } caller ? (caller.KeyId, null) : (Guid.Empty, http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                factory));
    }
}
