using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Ports;
using TreasuryArena.Infrastructure.Advice;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Contracts;
using TreasuryArena.Server.Http;

namespace TreasuryArena.Server.Endpoints;

/// <summary>
/// The platform's own treasury, readable by any signed-in member: status (allocation against target, drift), the
/// market intelligence behind it, the advisor's journaled decisions and the weekly review. The same use cases as
/// <c>arena treasury status</c>, <c>arena intel</c>, <c>arena journal</c> and <c>arena review</c>, through the shared
/// <see cref="TreasuryRuntime"/>; nothing here writes (the daily and weekly jobs do).
/// <c>?as_of=yyyy-MM-dd</c> defaults to today, or the last day the market data covers if that is earlier; a date before
/// the market history's first day or after the platform date (<see cref="IBusinessClock"/>) is a 400 naming <c>as_of</c>.
/// </summary>
public static class TreasuryEndpoints
{
    private const int ReviewLookback = 500;

    public static IEndpointRouteBuilder MapTreasuryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/treasury").WithTags("Treasury").RequireAuthorization(ApiKeyDefaults.MemberPolicy);
        group.MapGet("/status", Status);
        group.MapGet("/intelligence", Intelligence);
        group.MapGet("/decisions", Decisions);
        group.MapGet("/review", Review);
        return app;
    }

    public static Task<Results<Ok<TreasuryStatusResponse>, ProblemHttpResult>> Status(string? as_of, TreasuryRuntime treasury, TimeProvider time, DataSpan span, CancellationToken ct) =>
        OnDateAsync(as_of, treasury, time, span, async day =>
            TreasuryStatusResponse.From(await treasury.Manager.StatusAsync(day, ct), treasury.Options.DriftThreshold));

    public static Task<Results<Ok<TreasuryIntelligenceResponse>, ProblemHttpResult>> Intelligence(string? as_of, TreasuryRuntime treasury, TimeProvider time, DataSpan span, CancellationToken ct) =>
        OnDateAsync(as_of, treasury, time, span, async day =>
        {
            var report = await treasury.Intelligence.AssessAsync(day, current: null, alerts: [], ct);
            var target = Math.Min((decimal)report.Signal.Tactical, treasury.Options.MaxVolatileShare);
            return TreasuryIntelligenceResponse.From(day, report, treasury.Options.TacticalShare, RoundingPolicy.Ratio(target, 6));
        });

    /// <summary>The journal, newest first (<c>?limit=1..500</c>, default 50).</summary>
    public static async Task<Results<Ok<List<TreasuryDecisionResponse>>, ProblemHttpResult>> Decisions(string? limit, TreasuryRuntime treasury, CancellationToken ct)
    {
        if (QueryParams.Limit(limit, 50, 500, out var n) is { } bad)
        {
            return bad;
        }

        var entries = await treasury.Journal.ListAsync(n, ct);
        return TypedResults.Ok(entries.Select(TreasuryDecisionResponse.From).ToList());
    }

    public static Task<Results<Ok<TreasuryReviewResponse>, ProblemHttpResult>> Review(string? as_of, TreasuryRuntime treasury, TimeProvider time, DataSpan span, CancellationToken ct) =>
        OnDateAsync(as_of, treasury, time, span, async day =>
        {
            var figures = await treasury.Manager.WeeklyFiguresAsync(day, ct);
            var latest = (await treasury.Journal.ListAsync(ReviewLookback, ct)).FirstOrDefault(e => e.Decision.Kind == DecisionKind.WeeklyReview && e.AsOf <= day);
            return TreasuryReviewResponse.Create(figures, latest);
        });

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
