using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TreasuryArena.Core.Common;
using TreasuryArena.Infrastructure.Evaluation;
using TreasuryArena.Server.Auth;
using TreasuryArena.Infrastructure.Configuration;
using TreasuryArena.Server.Http;

namespace TreasuryArena.Server.Endpoints;

/// <summary>
/// Admin: the latest <c>arena evaluate</c> report of this platform, as the CLI keeps it (<see cref="LatestEvaluation"/>:
/// <c>evaluation/latest.html</c> and <c>latest.json</c> beside the SQLite database, or in <see cref="ArenaOptions.DataDirectory"/>
/// for PostgreSQL). The HTML is a self-contained file (inline style and SVG, no script), served with a policy of its own
/// that allows exactly that.
/// </summary>
public static class AdminEvaluationEndpoints
{
    /// <summary>The report's content security policy: its inline style and data: images, nothing else (no script, no
    /// network, not framed).</summary>
    public const string ReportPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static IEndpointRouteBuilder MapAdminEvaluationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/evaluation").WithTags("Admin: compliance and audit").RequireAuthorization(ApiKeyDefaults.AdminPolicy);
        group.MapGet("/latest", LatestHtml).Produces(StatusCodes.Status200OK, contentType: "text/html");
        group.MapGet("/latest.json", LatestJson).Produces(StatusCodes.Status200OK, contentType: "application/json");
        return app;
    }

    /// <summary>The latest evaluation report (HTML), or 404 when no evaluation has been run for this platform.</summary>
    public static Results<PhysicalFileHttpResult, ProblemHttpResult> LatestHtml(HttpContext http, IOptions<ArenaOptions> options)
    {
        var path = Path.Combine(Directory(options.Value), LatestEvaluation.HtmlFile);
        if (!File.Exists(path))
        {
            return Missing();
        }

        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ReportPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        return TypedResults.PhysicalFile(path, "text/html; charset=utf-8");
    }

    /// <summary>The latest evaluation's scorecard (the <c>arena evaluate --json</c> document), or 404.</summary>
    public static Results<PhysicalFileHttpResult, ProblemHttpResult> LatestJson(HttpContext http, IOptions<ArenaOptions> options)
    {
        var path = Path.Combine(Directory(options.Value), LatestEvaluation.JsonFile);
        if (!File.Exists(path))
        {
            return Missing();
        }

        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.PhysicalFile(path, "application/json; charset=utf-8");
    }

    /// <summary>Where this server looks for the latest report.</summary>
    public static string Directory(ArenaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return LatestEvaluation.DirectoryFor(options.Database, options.DataDirectory);
    }

    private static ProblemHttpResult Missing() =>
        Problems.For(Outcome.NoEvaluation, "no evaluation yet: run arena evaluate (it keeps its latest report beside this platform's database)");
}
