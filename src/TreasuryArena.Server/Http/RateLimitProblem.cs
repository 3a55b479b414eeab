using System.Globalization;
using System.Threading.RateLimiting;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Server.Http;

/// <summary>The 429 answer of both rate-limit checks: problem+json, code <c>rate_limited</c>, and <c>Retry-After</c> in whole seconds (at least 1).</summary>
public static class RateLimitProblem
{
    /// <summary>The wait a refused lease advises (1 s when it has none).</summary>
    public static TimeSpan RetryAfter(RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
    }

    public static async Task WriteAsync(HttpContext context, TimeSpan retryAfter, string who)
    {
        ArgumentNullException.ThrowIfNull(context);
        var retry = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var problem = Problems.Details(Outcome.RateLimited, StatusCodes.Status429TooManyRequests, $"rate limit exceeded for {who}; retry after {retry} s");
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
