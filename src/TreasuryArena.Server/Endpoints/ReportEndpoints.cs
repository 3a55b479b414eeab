using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Common;
using TreasuryArena.Infrastructure.Reports;
using TreasuryArena.Server.Auth;
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
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(ApiKeyDefaults.MemberPolicy);
        group.MapGet("/board", Board)
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        return app;
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
