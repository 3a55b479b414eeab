using TreasuryArena.Server.Auth;

namespace TreasuryArena.Server.Http;

/// <summary>
/// The anonymous rate limit's first check, before authentication and anything else that could read or write on a
/// request's behalf: when the request's source (<see cref="ClientSource"/>) has no token left in its anonymous bucket
/// (<see cref="ApiRateLimiter"/>), the request is answered 429 at once and only counted in the source's refusal
/// summary (<see cref="RefusalAuditSummary"/>), unless it carries an API key this instance already knows to be valid
/// (<see cref="CallerCache"/>; such requests are limited by their key's own bucket). Looking costs no token: the
/// token is taken after authentication by the framework's rate limiter, from requests that did not authenticate.
/// </summary>
public sealed class AnonymousRateLimitMiddleware(RequestDelegate next, ApiRateLimiter limiter, CallerCache callers, RefusalAuditSummary summary)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A permit count of 0 asks whether the bucket has a token without taking it.
        using var lease = limiter.Limiter.AttemptAcquire(context, 0);
        if (lease.IsAcquired || HasKnownValidKey(context))
        {
            await next(context);
            return;
        }

        summary.RateLimited(context);
        await RateLimitProblem.WriteAsync(context, lease, "requests without a valid key from this address");
    }

    private bool HasKnownValidKey(HttpContext context) =>
        ApiKeyAuthenticationHandler.BearerKey(context.Request.Headers.Authorization) is { } key
        && callers.TryGet(Core.Identity.ApiKeySecret.Hash(key), out var entry)
        && entry.Caller is not null;
}
