using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Server.Jobs;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>The treasury endpoints and its two jobs (daily analysis, weekly review) through the admin trigger.</summary>
public abstract partial class ApiSuite
{
    [DbFact]
    public async Task Treasury_StatusAndIntelligence_ReadableByEveryMember()
    {
        var org = await Api.OnboardAsync(Factory, "Treasury Readers");
        using var admin = Admin();
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        using var viewer = Factory.ClientWithKey(org.ViewerKey);
        // Issue 21: the organisation reads its own treasury, which its treasurer creates (the admin key reads the platform's).
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync(treasurer, "/api/treasury", new { capital = 400_000m })).Status);
        foreach (var client in new[] { admin, treasurer, viewer })
        {
            Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(client, "/api/treasury/status")).Status);
            Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(client, "/api/treasury/intelligence")).Status);
            Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(client, "/api/treasury/decisions")).Status);
            Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(client, "/api/treasury/review")).Status);
        }

        var (_, s) = await Api.GetAsync(viewer, "/api/treasury/status");
        var asOf = s!["as_of"]!.GetValue<string>(); // today (2026-03-02 on the test clock), or the last day the market data covers
        Assert.True(string.CompareOrdinal(asOf, "2026-03-02") <= 0 && string.CompareOrdinal(asOf, "2026-01-01") > 0, asOf);
        Assert.True(s["default_treasury"]!.GetValue<bool>());
        Assert.Equal("hybrid", s["mode"]!.GetValue<string>());
        Assert.True(s["value"]!.GetValue<decimal>() > 0m);
        Assert.Equal(s["value"]!.GetValue<decimal>() - 400_000m, s["pnl"]!.GetValue<decimal>());
        var allocation = s["allocation"]!.AsArray();
        Assert.Equal(1m, allocation.Sum(a => a!["target"]!.GetValue<decimal>()), 4);
        Assert.Equal(1m, allocation.Sum(a => a!["current"]!.GetValue<decimal>()), 4);
        Assert.Contains(allocation, a => a!["name"]!.GetValue<string>() == "BTC" && a["asset_class"]!.GetValue<string>() == "volatile");
        var drift = s["drift"]!.GetValue<decimal>();
        Assert.Equal(Math.Round(allocation.Sum(a => Math.Abs(a!["current"]!.GetValue<decimal>() - a["target"]!.GetValue<decimal>())) / 2m, 4), Math.Round(drift, 4));
        Assert.Equal(s["value"]!.GetValue<decimal>(), s["by_venue"]!.AsArray().Sum(v => v!["value"]!.GetValue<decimal>()) + s["cash"]!.GetValue<decimal>());
        Assert.False(string.IsNullOrEmpty(s["phase"]!.GetValue<string>()));

        var (_, intel) = await Api.GetAsync(viewer, $"/api/treasury/intelligence?as_of={asOf}");
        Assert.Equal(s["phase"]!.GetValue<string>(), intel!["phase"]!.GetValue<string>());
        var indicators = intel["indicators"]!.AsArray();
        Assert.NotEmpty(indicators);
        Assert.All(indicators, i => Assert.False(string.IsNullOrEmpty(i!["source"]!.GetValue<string>())));
        Assert.Contains(indicators, i => i!["value"] is not null && i["as_of"] is not null && i["age_seconds"] is not null);
        Assert.NotEmpty(intel["phase_evidence"]!.AsArray());
        var signal = intel["signal"]!;
        Assert.InRange(signal["confidence"]!.GetValue<int>(), 0, 100);
        Assert.Equal(1m, signal["base_share"]!.GetValue<decimal>() + signal["tactical_share"]!.GetValue<decimal>(), 4);
        Assert.Equal(s["target_tactical_share"]!.GetValue<decimal>(), signal["target_tactical_share"]!.GetValue<decimal>(), 4);

        using var anonymous = Factory.ClientWithKey(null);
        foreach (var path in new[] { "status", "intelligence", "decisions", "review" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Api.GetAsync(anonymous, $"/api/treasury/{path}")).Status);
        }
    }

    [DbFact]
    public async Task Treasury_BadQuery_IsAProblemNamingTheParameter()
    {
        using var admin = Admin();
        foreach (var (path, status, field) in new[]
        {
            ("/api/treasury/status?as_of=yesterday", HttpStatusCode.BadRequest, "as_of"),
            ("/api/treasury/status?as_of=2026-13-01", HttpStatusCode.BadRequest, "as_of"),
            // Issue 20: outside the data's span (before the first day of market data, after the platform date) is a 400;
            // inside it, a day the treasury cannot be valued on (no ETH price yet) stays a 422.
            ("/api/treasury/status?as_of=1999-01-01", HttpStatusCode.BadRequest, "as_of"),
            ("/api/treasury/status?as_of=0001-01-01", HttpStatusCode.BadRequest, "as_of"),
            ("/api/treasury/intelligence?as_of=9999-12-31", HttpStatusCode.BadRequest, "as_of"),
            ("/api/treasury/status?as_of=2012-01-01", HttpStatusCode.UnprocessableEntity, "as_of"),
            ("/api/treasury/intelligence?as_of=03/02/2026", HttpStatusCode.BadRequest, "as_of"),
            ("/api/treasury/review?as_of=1999-01-01", HttpStatusCode.BadRequest, "as_of"),
            ("/api/treasury/decisions?limit=0", HttpStatusCode.BadRequest, "limit"),
            ("/api/treasury/decisions?limit=501", HttpStatusCode.BadRequest, "limit"),
            ("/api/treasury/decisions?limit=ten", HttpStatusCode.BadRequest, "limit"),
        })
        {
            var (got, problem) = await Api.GetAsync(admin, path);
            Assert.True(got == status, $"{path}: {got} {problem}");
            Assert.NotNull(problem!["errors"]![field]);
        }
    }

    [DbFact]
    public async Task TreasuryJobs_DailyThenWeekly_JournalDecisionsEvaluateOutcomesAndRecordRuns()
    {
        using var admin = Admin();
        var org = await Api.OnboardAsync(Factory, "Treasury Watchers");
        using var viewer = Factory.ClientWithKey(org.ViewerKey);
        using (var creator = Factory.ClientWithKey(org.TreasurerKey))
        {
            // Issue 21: the jobs run every organisation's treasury; the viewer reads its own organisation's journal.
            Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync(creator, "/api/treasury", new { capital = 400_000m })).Status);
        }

        var (_, jobs) = await Api.GetAsync(admin, "/api/admin/jobs");
        var names = jobs!.AsArray().Select(j => j!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("treasury-daily", names);
        Assert.Contains("treasury-weekly-review", names);

        // The daily analysis on 2026-01-05 (inside the shipped history), then the weekly review a month later.
        Factory.Clock.Advance(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero) - Factory.Clock.GetUtcNow());
        var (ran, run, _) = await Api.PostAsync(admin, "/api/admin/jobs/treasury-daily/run", new { });
        Assert.Equal(HttpStatusCode.OK, ran);
        Assert.True(run!["status"]!.GetValue<string>() == "succeeded", run.ToJsonString());
        var (_, decisions) = await Api.GetAsync(viewer, "/api/treasury/decisions");
        var daily = Assert.Single(decisions!.AsArray())!;
        Assert.Equal("daily_analysis", daily["kind"]!.GetValue<string>());
        Assert.Equal("rules", daily["advisor"]!.GetValue<string>());
        Assert.Equal("2026-01-05", daily["as_of"]!.GetValue<string>());
        Assert.False(daily["executed"]!.GetValue<bool>()); // the treasury runs in HYBRID: a person executes
        Assert.False(string.IsNullOrWhiteSpace(daily["reasoning"]!.GetValue<string>()));
        Assert.InRange(daily["confidence"]!.GetValue<int>(), 0, 100);
        Assert.Null(daily["outcome"]);
        Assert.Contains($"journal #{daily["id"]!.GetValue<long>()}", run["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var (_, status) = await Api.GetAsync(viewer, "/api/treasury/status?as_of=2026-01-05");
        Assert.Equal(daily["id"]!.GetValue<long>(), status!["latest_decision"]!["id"]!.GetValue<long>());

        // A month later (past the 30-day horizon) the weekly review scores that decision.
        Factory.Clock.Advance(TimeSpan.FromDays(31));
        var (weeklyRan, weekly, _) = await Api.PostAsync(admin, "/api/admin/jobs/treasury-weekly-review/run", new { });
        Assert.Equal(HttpStatusCode.OK, weeklyRan);
        Assert.True(weekly!["status"]!.GetValue<string>() == "succeeded", weekly.ToJsonString());
        Assert.Contains("1 outcomes evaluated", weekly["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var (_, after) = await Api.GetAsync(viewer, "/api/treasury/decisions?limit=10");
        Assert.Equal(["weekly_review", "daily_analysis"], after!.AsArray().Select(d => d!["kind"]!.GetValue<string>()).ToArray());
        var scored = after[1]!["outcome"]!;
        Assert.Equal("2026-02-04", scored["evaluated_on"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(scored["summary"]!.GetValue<string>()));

        var (_, review) = await Api.GetAsync(viewer, "/api/treasury/review");
        var rules = Assert.Single(review!["advisors"]!.AsArray(), a => a!["advisor"]!.GetValue<string>() == "rules")!;

        // Issue 18: on 2026-01-05 the drift is inside the band and nothing names a trigger, so the plan is empty and the
        // hold has no alternative to be judged against: evaluated, not scored.
        Assert.StartsWith("R2 nothing to do", daily["reasoning"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(scored["right"]);
        Assert.Equal(0, rules["scored"]!.GetValue<int>());
        Assert.Equal(1, rules["decisions"]!.GetValue<int>());
        Assert.Equal(after[0]!["id"]!.GetValue<long>(), review["latest_review"]!["id"]!.GetValue<long>());
        var (_, again) = await Api.GetAsync(viewer, "/api/treasury/decisions?limit=10");
        Assert.Equal(2, again!.AsArray().Count); // reading the review journals nothing

        var (_, runs) = await Api.GetAsync(admin, "/api/admin/jobs/runs?job=treasury-daily");
        Assert.StartsWith("admin:", Assert.Single(runs!.AsArray())!["trigger"]!.GetValue<string>(), StringComparison.Ordinal);
        var (_, weeklyRuns) = await Api.GetAsync(admin, "/api/admin/jobs/runs?job=treasury-weekly-review");
        Assert.Equal("succeeded", Assert.Single(weeklyRuns!.AsArray())!["status"]!.GetValue<string>());
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.PostAsync(treasurer, "/api/admin/jobs/treasury-daily/run", new { })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.PostAsync(viewer, "/api/admin/jobs/treasury-weekly-review/run", new { })).Status);
    }

    [DbFact]
    public async Task TreasuryDaily_OnSchedulePastTheMarketData_JournalsOneDecisionPerAsOfDate()
    {
        using var admin = Admin();
        var runner = Factory.Services.GetRequiredService<JobRunner>();
        var job = runner.Find("treasury-daily")!;

        // The test clock is past the end of the shipped history: each scheduled day looks at its last date.
        var details = new List<string>();
        for (var day = 0; day < 3; day++)
        {
            var outcome = await runner.RunAsync(job, job.Schedule.CurrentSlot(Factory.Clock.GetUtcNow()), JobContext.ScheduleTrigger, CancellationToken.None);
            Assert.Equal("succeeded", outcome.Status);
            details.Add(outcome.Detail!);
            Factory.Clock.Advance(TimeSpan.FromDays(1));
        }

        var (_, decisions) = await Api.GetAsync(admin, "/api/treasury/decisions?limit=10");
        var daily = Assert.Single(decisions!.AsArray())!;
        var id = daily["id"]!.GetValue<long>();
        Assert.Contains($"journal #{id}", details[0], StringComparison.Ordinal);
        Assert.All(details.Skip(1), d => Assert.Contains($"already analysed (journal #{id})", d, StringComparison.Ordinal));

        // An admin trigger asks again on purpose.
        var (ran, run, _) = await Api.PostAsync(admin, "/api/admin/jobs/treasury-daily/run", new { });
        Assert.Equal(HttpStatusCode.OK, ran);
        Assert.DoesNotContain("already analysed", run!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, (await Api.GetAsync(admin, "/api/treasury/decisions?limit=10")).Body!.AsArray().Count);
    }
}
