using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Ports;
using TreasuryArena.Core.Treasury;
using TreasuryArena.Infrastructure.Advice;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Contracts;
using TreasuryArena.Server.Http;

namespace TreasuryArena.Server.Endpoints;

/// <summary>
/// The caller's organisation's treasury (issue 21), readable by any of its members: status (allocation against target,
/// drift), the market intelligence behind it, the advisor's journaled decisions and the weekly review; an organisation
/// without a treasury is a 404 (<c>treasury_not_found</c>), and an admin key without an organisation reads the platform
/// treasury. <c>POST /api/treasury</c> creates the organisation's treasury (a treasurer, or an admin naming
/// <c>organisation_id</c>; 201, 409 when it exists). The same use cases (<see cref="TreasuryUseCases"/>) as
/// <c>arena treasury create|status</c>, <c>arena intel</c>, <c>arena journal</c> and <c>arena review</c>.
/// <c>POST /api/treasury/advise</c> and <c>POST /api/treasury/execute</c> run the caller's own treasury (its treasurer; a
/// viewer or approver is refused <c>role_forbidden</c>) as <c>arena advise</c> and <c>arena treasury execute</c> do,
/// answering the journaled decision; the daily and weekly jobs run every treasury.
/// <c>?as_of=yyyy-MM-dd</c> defaults to today, or the last day the market data covers if that is earlier; a date before
/// the market history's first day or after the platform date (<see cref="IBusinessClock"/>) is a 400 naming <c>as_of</c>.
/// </summary>
public static class TreasuryEndpoints
{
    private const int ReviewLookback = 500;

    public static IEndpointRouteBuilder MapTreasuryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/treasury").WithTags("Treasury").RequireAuthorization(ApiKeyDefaults.MemberPolicy);
        group.MapPost("", Create);
        group.MapGet("/status", Status);
        group.MapGet("/intelligence", Intelligence);
        group.MapGet("/decisions", Decisions);
        group.MapGet("/review", Review);
        group.MapPost("/advise", Advise);
        group.MapPost("/execute", Execute);
        return app;
    }

    public static async Task<Results<Created<TreasuryResponse>, ProblemHttpResult>> Create(CreateTreasuryRequest request, HttpContext http, TreasuryUseCases treasuries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var account = await treasuries.CreateAsync(http.Caller(), request.OrganisationId?.ToString(), request.Capital, ct);
            return TypedResults.Created("/api/treasury/status", TreasuryResponse.From(account));
        }
        catch (DomainException ex)
        {
            return UseCaseProblems.From(http, ex, ex.Outcome == Outcome.InvalidAmount ? "capital" : null);
        }
    }

    public static async Task<Results<Ok<TreasuryStatusResponse>, ProblemHttpResult>> Status(string? as_of, HttpContext http, TreasuryUseCases treasuries, TreasuryRuntime treasury, TimeProvider time, DataSpan span, CancellationToken ct)
    {
        try
        {
            var scope = await treasuries.OpenAsync(http.Caller(), null, ct);
            return await OnDateAsync(as_of, treasury, time, span, async day =>
                TreasuryStatusResponse.From(await scope.Manager.StatusAsync(day, ct), scope.Manager.Options.DriftThreshold));
        }
        catch (DomainException ex)
        {
            return UseCaseProblems.From(http, ex);
        }
    }

    public static Task<Results<Ok<TreasuryIntelligenceResponse>, ProblemHttpResult>> Intelligence(string? as_of, TreasuryRuntime treasury, TimeProvider time, DataSpan span, CancellationToken ct) =>
        OnDateAsync(as_of, treasury, time, span, async day =>
        {
            var report = await treasury.Intelligence.AssessAsync(day, current: null, alerts: [], ct);
            var target = Math.Min((decimal)report.Signal.Tactical, treasury.Options.MaxVolatileShare);
            return TreasuryIntelligenceResponse.From(day, report, treasury.Options.TacticalShare, RoundingPolicy.Ratio(target, 6));
        });

    /// <summary>The journal, newest first (<c>?limit=1..500</c>, default 50).</summary>
    public static async Task<Results<Ok<List<TreasuryDecisionResponse>>, ProblemHttpResult>> Decisions(string? limit, HttpContext http, TreasuryUseCases treasuries, CancellationToken ct)
    {
        if (QueryParams.Limit(limit, 50, 500, out var n) is { } bad)
        {
            return bad;
        }

        try
        {
            var scope = await treasuries.OpenAsync(http.Caller(), null, ct);
            var entries = await scope.Journal.ListAsync(n, ct);
            return TypedResults.Ok(entries.Select(TreasuryDecisionResponse.From).ToList());
        }
        catch (DomainException ex)
        {
            return UseCaseProblems.From(http, ex);
        }
    }

    public static async Task<Results<Ok<TreasuryReviewResponse>, ProblemHttpResult>> Review(string? as_of, HttpContext http, TreasuryUseCases treasuries, TreasuryRuntime treasury, TimeProvider time, DataSpan span, CancellationToken ct)
    {
        try
        {
            var scope = await treasuries.OpenAsync(http.Caller(), null, ct);
            return await OnDateAsync(as_of, treasury, time, span, async day =>
            {
                var figures = await scope.Manager.WeeklyFiguresAsync(day, ct);
                var latest = (await scope.Journal.ListAsync(ReviewLookback, ct)).FirstOrDefault(e => e.Decision.Kind == DecisionKind.WeeklyReview && e.AsOf <= day);
                return TreasuryReviewResponse.Create(figures, latest);
            });
        }
        catch (DomainException ex)
        {
            return UseCaseProblems.From(http, ex);
        }
    }

    /// <summary>The daily analysis of the caller's treasury on <c>?as_of=</c> (default: the latest market date), journaled and audited <c>treasury.advise</c>.</summary>
    public static Task<Results<Ok<TreasuryDecisionResponse>, ProblemHttpResult>> Advise(string? as_of, HttpContext http, TreasuryUseCases treasuries, TreasuryRuntime treasury, TimeProvider time, DataSpan span, CancellationToken ct) =>
        RunAsync(as_of, http, treasury, time, span, day => treasuries.AdviseAsync(http.Caller(), null, day, ct));

    /// <summary>Plan, advisor review, guardrails and paper execution of the caller's treasury, journaled and audited <c>treasury.execute</c>.</summary>
    public static Task<Results<Ok<TreasuryDecisionResponse>, ProblemHttpResult>> Execute(string? as_of, HttpContext http, TreasuryUseCases treasuries, TreasuryRuntime treasury, TimeProvider time, DataSpan span, CancellationToken ct) =>
        RunAsync(as_of, http, treasury, time, span, day => treasuries.ExecuteAsync(http.Caller(), null, day, ct));

    private static async Task<Results<Ok<TreasuryDecisionResponse>, ProblemHttpResult>> RunAsync(string? asOf, HttpContext http, TreasuryRuntime treasury, TimeProvider time, DataSpan span, Func<DateOnly, Task<AdviceResult>> run)
    {
        try
        {
            return await OnDateAsync(asOf, treasury, time, span, async day => TreasuryDecisionResponse.From((await run(day)).Entry));
        }
        catch (DomainException ex)
        {
            return UseCaseProblems.From(http, ex);
        }
    }

    /// <summary>Parses <c>as_of</c> (400 when malformed or outside the data's span) and runs <paramref name="read"/>; a date the treasury cannot be valued on (no prices, before inception) is a 422.</summary>
    private static async Task<Results<Ok<T>, ProblemHttpResult>> OnDateAsync<T>(string? asOf, TreasuryRuntime treasury, TimeProvider time, DataSpan span, Func<DateOnly, Task<T>> read)
    {
        if (QueryParams.DateInSpan("as_of", asOf, span.First, span.Last, out var date) is { } bad)
        {
            return bad;
        }

        var day = date ?? treasury.Manager.AsOfFor(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        try
        {
            return TypedResults.Ok(await read(day));
        }
        catch (ArgumentException ex) when (ex is not ArgumentNullException and not ArgumentOutOfRangeException)
        {
            return Problems.For(Outcome.TreasuryDateUnavailable, ex.Message, "as_of");
        }
    }
}
