using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using TreasuryArena.Core.Identity;
using TreasuryArena.Server.Hosting;

namespace TreasuryArena.Server.Http;

/// <summary>
/// The API's global limiter: one token bucket per API key (<see cref="ArenaServerOptions.RateLimitPerSecond"/> tokens a
/// second up to <see cref="ArenaServerOptions.RateLimitBurst"/>), and one per client source (<see cref="ClientSource"/>)
/// for requests without a valid key (<see cref="ArenaServerOptions.AnonymousRateLimitPerSecond"/> up to
/// <see cref="ArenaServerOptions.AnonymousRateLimitBurst"/>). The framework's rate-limiting middleware takes a token
/// after authentication; <see cref="AnonymousRateLimitMiddleware"/> looks at the source's bucket before it (without
/// taking a token), so a source that ran dry is refused before any key lookup or audit. The bucket settings and the
/// limiter factories are made once; a request costs a lookup by (key id, source).
/// </summary>
public sealed class ApiRateLimiter : IDisposable
{
    public ApiRateLimiter(IOptions<ArenaServerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        // Not auto-replenishing: the partitioned limiter's own timer replenishes every bucket.
        var keyBucket = Bucket(o.RateLimitPerSecond, o.RateLimitBurst);
        var anonymousBucket = Bucket(o.AnonymousRateLimitPerSecond, o.AnonymousRateLimitBurst);
        Func<(Guid KeyId, IPAddress? Source), RateLimiter> factory = p => new TokenBucketRateLimiter(p.Source is null ? keyBucket : anonymousBucket);
        Limiter = PartitionedRateLimiter.Create<HttpContext, (Guid KeyId, IPAddress? Source)>(http =>
            RateLimitPartition.Get(
                http.Features.Get<Caller>() is { } caller ? (caller.KeyId, null) : (Guid.Empty, ClientSource.Of(http)),
                factory));
    }

    /// <summary>The limiter (set as the framework's <c>GlobalLimiter</c>).</summary>
    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    public void Dispose() => Limiter.Dispose();

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = false,
    };
}
