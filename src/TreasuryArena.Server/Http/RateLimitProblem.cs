using System.Globalization;
using System.Threading.RateLimiting;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Server.Http;

/// <summary>The 429 answer of both rate-limit checks: problem+json, code <c>rate_limited</c>, and <c>Retry-After</c> in whole seconds (at least 1).</summary>
public static class RateLimitProblem
{
    public static async Task WriteAsync(HttpContext context, RateLimitLease lease, string who)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(lease);
        var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var problem = Problems.Details(Outcome.RateLimited, StatusCodes.Status429TooManyRequests, $"rate limit exceeded for {who}; retry after {retry} s");
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
