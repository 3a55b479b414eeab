using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Common;
using TreasuryArena.Infrastructure.Platform;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Contracts;
using TreasuryArena.Server.Http;
using TreasuryArena.Server.Jobs;

namespace TreasuryArena.Server.Endpoints;

/// <summary>Admin: scheduled jobs (list with recent runs, run now).</summary>
public static class AdminJobEndpoints
{
    public static IEndpointRouteBuilder MapAdminJobEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/jobs").WithTags("Admin: jobs").RequireAuthorization(ApiKeyDefaults.AdminPolicy);
        group.MapGet("", List);
        group.MapGet("/runs", Runs);
        group.MapPost("/{name}/run", RunNow);
        return app;
    }

    public static async Task<Ok<List<JobResponse>>> List(JobRunner runner, SqlJobRunStore store, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var list = new List<JobResponse>();
        foreach (var job in runner.Jobs.OrderBy(j => j.Name, StringComparer.Ordinal))
        {
            var runs = await store.ListAsync(job.Name, 5, ct);
            list.Add(new JobResponse(job.Name, job.Description, job.Schedule.ToString(), job.Schedule.CurrentSlot(now), runs.Select(JobRunResponse.From).ToList()));
        }

        return TypedResults.Ok(list);
    }

    /// <summary>Recent runs, newest first (<c>?job=NAME</c> filters by a known job; <c>?limit=1..500</c>, default 50).</summary>
    public static async Task<Results<Ok<List<JobRunResponse>>, ProblemHttpResult>> Runs(string? job, string? limit, JobRunner runner, SqlJobRunStore store, CancellationToken ct)
    {
        if (job is not null && runner.Find(job) is null)
        {
            return Problems.BadField("job", "job must be the name of a job; see GET /api/admin/jobs", Outcome.InvalidQuery);
        }

        if (QueryParams.Limit(limit, 50, 500, out var n) is { } badLimit)
        {
            return badLimit;
        }

        var runs = await store.ListAsync(job, n, ct);
        return TypedResults.Ok(runs.Select(JobRunResponse.From).ToList());
    }

    /// <summary>Runs a job now, under a fresh manual slot (the scheduled slot is unaffected).</summary>
    public static async Task<Results<Ok<JobRunOutcomeResponse>, ProblemHttpResult>> RunNow(string name, HttpContext http, JobRunner runner)
    {
        var job = runner.Find(name);
        if (job is null)
        {
            return Problems.For(Outcome.JobNotFound, "no job of that name; see GET /api/admin/jobs");
        }

        var outcome = await runner.RunAsync(job, "manual-" + Guid.NewGuid().ToString("N"), "admin:" + http.Caller().Actor, http.RequestAborted);
        return TypedResults.Ok(JobRunOutcomeResponse.From(outcome));
    }
}
