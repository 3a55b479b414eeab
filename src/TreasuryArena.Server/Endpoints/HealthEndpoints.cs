using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Ports;
using TreasuryArena.Infrastructure.Platform;
using TreasuryArena.Server.Contracts;

namespace TreasuryArena.Server.Endpoints;

/// <summary>
/// Liveness (<c>/health</c>: the process answers) and readiness (<c>/health/ready</c>: the database answers); both say the
/// platform date of the business clock (<c>platform_date</c>, <c>clock_mode</c>).
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Live).WithTags("Health").AllowAnonymous().DisableRateLimiting();
        app.MapGet("/health/ready", Ready).WithTags("Health").AllowAnonymous().DisableRateLimiting();
        return app;
    }

    public static Ok<HealthResponse> Live(IBusinessClock clock) => TypedResults.Ok(new HealthResponse("ok", null, null, clock.Today, clock.Mode));

    public static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> Ready(PlatformDatabase database, IBusinessClock clock, CancellationToken ct)
    {
        var provider = database.IsPostgreSql ? "postgresql" : "sqlite";
        try
        {
            await using var c = await database.OpenAsync(ct);
            await c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM audit_log", cancellationToken: ct));
            return TypedResults.Ok(new HealthResponse("ready", provider, null, clock.Today, clock.Mode));
        }
#pragma warning disable CA1031 // Any database failure means "not ready", reported rather than thrown.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return TypedResults.Json(new HealthResponse("unavailable", provider, ex.GetType().Name), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
