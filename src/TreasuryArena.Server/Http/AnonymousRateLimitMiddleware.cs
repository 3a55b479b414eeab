using TreasuryArena.Server.Auth;

namespace TreasuryArena.Server.Http;

/// <summary>
/// The anonymous rate limit's first check, before authentication and anything else that could read or write on a
/// request's behalf: when the request's source (<see cref="ClientSource"/>) has no whole token left in its anonymous
/// bucket (<see cref="ApiRateLimiter"/>), the request is answered 429 at once and only counted in the source's refusal
/// summary (<see cref="RefusalAuditSummary"/>), unless it carries an API key this instance already knows to be valid
/// (<see cref="CallerCache"/>; such requests are limited by their key's own bucket). Looking costs no token: the
/// token is taken after authentication by the framework's rate limiter, from requests that did not authenticate.
/// </summary>
public sealed class AnonymousRateLimitMiddleware(RequestDelegate next, ApiRateLimiter limiter, CallerCache callers, RefusalAuditSummary summary)
{
    /// <summary>Whose limit a 429 of the anonymous bucket names.</summary>
    public const string Who = "requests without a valid key from this address";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The bucket fills continuously (fractions of a token), so "is there a token" is its whole available permits,
        // not a zero-permit lease (which succeeds on any fraction). Before authentication the request has no caller, so
        // this is the source's anonymous bucket.
        if (limiter.Limiter.GetStatistics(context) is not { CurrentAvailablePermits: < 1 } || HasKnownValidKey(context))
        {
            await next(context);
            return;
        }

        summary.RateLimited(context);
        // Tokens come back continuously at AnonymousRateLimitPerSecond (at least 1 a second): the next one within 1 s.
        await RateLimitProblem.WriteAsync(context, TimeSpan.FromSeconds(1), Who);
    }

    private bool HasKnownValidKey(HttpContext context) =>
        ApiKeyAuthenticationHandler.BearerKey(context.Request.Headers.Authorization) is { } key
        && callers.TryGet(Core.Identity.ApiKeySecret.Hash(key), out var entry)
        && entry.Caller is not null;
}
