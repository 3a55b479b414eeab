using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Infrastructure.Platform;
using TreasuryArena.Server.Contracts;

namespace TreasuryArena.Server.Endpoints;

/// <summary>Liveness (<c>/health</c>: the process answers) and readiness (<c>/health/ready</c>: the database answers).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Live).WithTags("Health").AllowAnonymous().DisableRateLimiting();
        app.MapGet("/health/ready", Ready).WithTags("Health").AllowAnonymous().DisableRateLimiting();
        return app;
    }

    public static Ok<HealthResponse> Live() => TypedResults.Ok(new HealthResponse("ok", null, null));

    public static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> Ready(PlatformDatabase database, CancellationToken ct)
    {
        var provider = database.IsPostgreSql ? "postgresql" : "sqlite";
        try
        {
            await using var c = await database.OpenAsync(ct);
            await c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM audit_log", cancellationToken: ct));
            return TypedResults.Ok(new HealthResponse("ready", provider, null));
        }
#pragma warning disable CA1031 // Any database failure means "not ready", reported rather than thrown.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return TypedResults.Json(new HealthResponse("unavailable", provider, ex.GetType().Name), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
