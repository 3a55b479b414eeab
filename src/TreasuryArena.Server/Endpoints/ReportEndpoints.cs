using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Common;
using TreasuryArena.Infrastructure.Reports;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Contracts;
using TreasuryArena.Server.Http;

namespace TreasuryArena.Server.Endpoints;

/// <summary>
/// <c>GET /api/reports/board?quarter=2025Q3</c>: an organisation's quarterly board report as a self-contained HTML page
/// (<c>&amp;format=pdf</c>: the same page printed by headless Chromium), through
/// <see cref="BoardReportUseCases.BoardAsync"/> as <c>arena report board</c>. A member reads its own organisation's
/// (treasurer or viewer); an admin names one with <c>organisation_id</c>. A malformed quarter or one outside the data's
/// span is a 400 naming <c>quarter</c>; another organisation's is a 404; no Chromium is a 503 <c>pdf_unavailable</c>.
/// The page carries the evaluation report's Content-Security-Policy (its inline styles, nothing else), so the
/// dashboard's Reports page links to it.
/// <para><c>GET /api/reports/daily?as_of=yyyy-MM-dd</c>: the treasury's daily report through
/// <see cref="DailyReportUseCases"/> as <c>arena report daily</c>, for any member (a viewer too): the caller's
/// organisation's treasury (an admin: <c>organisation_id</c>, else the platform treasury). HTML by default;
/// <c>format=json</c> (the <c>/api/treasury/status</c> shape) or <c>format=markdown</c> (<c>text/markdown</c>), or the same
/// through <c>Accept: application/json</c> / <c>text/markdown</c> without <c>format</c>. <c>as_of</c> defaults to the latest
/// market date; outside the data's span it is a 400 naming <c>as_of</c>; an organisation without a treasury is a 404.
/// The read never runs the analysis: a date without a journaled decision says so.</para>
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(ApiKeyDefaults.MemberPolicy);
        group.MapGet("/daily", Daily)
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces<TreasuryStatusResponse>(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/markdown");
        group.MapGet("/board", Board)
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        return app;
    }

    public static async Task<Results<ContentHttpResult, Ok<TreasuryStatusResponse>, ProblemHttpResult>> Daily(
        string? as_of, string? format, string? organisation_id, HttpContext http, DailyReportUseCases reports, DataSpan span)
    {
        if (QueryParams.Id("organisation_id", organisation_id, out var organisation) is { } badOrganisation)
        {
            return badOrganisation;
        }

        var accept = http.Request.Headers.Accept.ToString();
        var kind = format?.Trim().ToLowerInvariant() switch
        {
            "html" => "html",
            "json" => "json",
            "markdown" or "md" => "markdown",
            null or "" => accept.Contains("application/json", StringComparison.OrdinalIgnoreCase) ? "json"
                : accept.Contains("text/markdown", StringComparison.OrdinalIgnoreCase) ? "markdown" : "html",
            _ => null,
        };
        if (kind is null)
        {
            return Problems.For(Outcome.InvalidQuery, $"format `{format}` is not html, json or markdown", "format");
        }

        if (QueryParams.DateInSpan("as_of", as_of, span.First, span.Last, out var date) is { } badDate)
        {
            return badDate;
        }

        try
        {
            var (status, treasury, drift, _) = await reports.ReadAsync(http.Caller(), organisation?.ToString(), date, analyseIfMissing: false, http.RequestAborted);
            http.Response.Headers.CacheControl = "no-store";
            switch (kind)
            {
                case "json":
                    return TypedResults.Ok(TreasuryStatusResponse.From(status, drift));
                case "markdown":
                    return TypedResults.Content(DailyReportMarkdown.Render(status), "text/markdown; charset=utf-8", Encoding.UTF8);
                default:
                    http.Response.Headers.ContentSecurityPolicy = AdminEvaluationEndpoints.ReportPolicy;
                    return TypedResults.Content(DailyReportHtml.Render(status, treasury), "text/html; charset=utf-8", Encoding.UTF8);
            }
        }
        catch (DomainException ex)
        {
            return UseCaseProblems.From(http, ex);
        }
        catch (ArgumentException ex) when (ex is not ArgumentNullException and not ArgumentOutOfRangeException)
        {
            // A date the treasury cannot be valued on (no prices, before its inception), as GET /api/treasury/status.
            return Problems.For(Outcome.TreasuryDateUnavailable, ex.Message, "as_of");
        }
    }

    public static async Task<Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> Board(
        string? quarter, string? format, string? organisation_id, HttpContext http, BoardReportUseCases reports)
    {
        if (QueryParams.Id("organisation_id", organisation_id, out var organisation) is { } badOrganisation)
        {
            return badOrganisation;
        }

        var pdf = format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "html" => false,
            "pdf" => true,
            _ => (bool?)null,
        };
        if (pdf is null)
        {
            return Problems.For(Outcome.InvalidQuery, $"format `{format}` is not html or pdf", "format");
        }

        try
        {
            var caller = http.Caller();
            var report = await reports.BoardAsync(caller, organisation, quarter ?? reports.LastFullQuarter().ToString(), http.RequestAborted);
            var html = BoardReportHtml.Render(report);
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = AdminEvaluationEndpoints.ReportPolicy;
            headers.CacheControl = "no-store";
            if (pdf is true)
            {
                var bytes = await reports.PdfAsync(html, http.RequestAborted);
                return TypedResults.File(bytes, "application/pdf", $"board-{report.Quarter}.pdf");
            }

            return TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8);
        }
        catch (DomainException ex) when (ex.Outcome == Outcome.InvalidQuery)
        {
            return UseCaseProblems.From(http, ex, ex.Message.StartsWith("organisation_id", StringComparison.Ordinal) ? "organisation_id" : "quarter");
        }
        catch (DomainException ex)
        {
            return UseCaseProblems.From(http, ex);
        }
    }
}
