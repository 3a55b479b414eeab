using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Identity;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>Issue 21: a treasury per organisation — created once by its treasurer (or an admin naming it), read only by its members, run by the jobs each.</summary>
public abstract partial class ApiSuite
{
    [DbFact]
    public async Task Treasury_TwoOrganisations_HaveSeparateTreasuries_AndCannotReadEachOther()
    {
        var a = await Api.OnboardAsync(Factory, "Treasury Alpha");
        var b = await Api.OnboardAsync(Factory, "Treasury Beta");
        using var admin = Admin();
        using var treasurerA = Factory.ClientWithKey(a.TreasurerKey);
        using var viewerA = Factory.ClientWithKey(a.ViewerKey);
        using var viewerB = Factory.ClientWithKey(b.ViewerKey);

        // Before it is created, the organisation has no treasury: 404.
        var (none, noneProblem) = await Api.GetAsync(viewerA, "/api/treasury/status");
        Assert.Equal(HttpStatusCode.NotFound, none);
        Assert.Equal("treasury_not_found", noneProblem!["code"]!.GetValue<string>());

        // A viewer may not create it; the treasurer may, once; an admin names the organisation.
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.PostAsync(viewerA, "/api/treasury", new { capital = 250_000m })).Status);
        var (created, account, _) = await Api.PostAsync(treasurerA, "/api/treasury", new { capital = 250_000m });
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(a.OrganisationId, account!["organisation_id"]!.GetValue<string>());
        Assert.Equal(250_000m, account["capital"]!.GetValue<decimal>());
        var (again, conflict, _) = await Api.PostAsync(treasurerA, "/api/treasury", new { capital = 250_000m });
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal("treasury_exists", conflict!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync(admin, "/api/treasury", new { capital = 1_000_000m, organisation_id = b.OrganisationId })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await Api.PostAsync(admin, "/api/treasury", new { capital = 5m, organisation_id = b.OrganisationId })).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Api.PostAsync(admin, "/api/treasury", new { capital = -1m, organisation_id = Guid.NewGuid() })).Status);

        // Each reads its own capital; the admin key (no organisation) reads the platform treasury's configured $400,000.
        var (_, sa) = await Api.GetAsync(viewerA, "/api/treasury/status?as_of=2026-01-05");
        var (_, sb) = await Api.GetAsync(viewerB, "/api/treasury/status?as_of=2026-01-05");
        var (_, platform) = await Api.GetAsync(admin, "/api/treasury/status?as_of=2026-01-05");
        Assert.Equal(sa!["value"]!.GetValue<decimal>() - 250_000m, sa["pnl"]!.GetValue<decimal>());
        Assert.Equal(sb!["value"]!.GetValue<decimal>() - 1_000_000m, sb["pnl"]!.GetValue<decimal>());
        Assert.Equal(platform!["value"]!.GetValue<decimal>() - 400_000m, platform["pnl"]!.GetValue<decimal>());
        Assert.Equal(4m, decimal.Round(sb["value"]!.GetValue<decimal>() / sa["value"]!.GetValue<decimal>(), 2));

        // One organisation's decisions are not the other's: an admin run for A journals in A only.
        var useCases = Factory.Services.GetRequiredService<TreasuryUseCases>();
        var advice = await useCases.AdviseAsync(Caller.Operator("test"), a.OrganisationId, new DateOnly(2026, 1, 5), CancellationToken.None);
        var (_, decisionsA) = await Api.GetAsync(viewerA, "/api/treasury/decisions");
        var (_, decisionsB) = await Api.GetAsync(viewerB, "/api/treasury/decisions");
        Assert.Equal(advice.Entry.Id, Assert.Single(decisionsA!.AsArray())!["id"]!.GetValue<long>());
        Assert.Empty(decisionsB!.AsArray());

        // Naming the other organisation is "not found", for a member (the use case the board report reads).
        var refused = await Assert.ThrowsAsync<Core.Common.DomainException>(() =>
            useCases.StatusAsync(new Caller(Guid.NewGuid(), Guid.NewGuid(), "viewer", Guid.Parse(b.OrganisationId), Role.Viewer), a.OrganisationId, null, CancellationToken.None));
        Assert.Equal(Core.Common.Outcome.TreasuryNotFound, refused.Outcome);
    }

    [DbFact]
    public async Task TreasuryDaily_RunsEveryOrganisationsTreasury()
    {
        var org = await Api.OnboardAsync(Factory, "Treasury Gamma");
        using var admin = Admin();
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync(treasurer, "/api/treasury", new { capital = 100_000m })).Status);
        Factory.Clock.Advance(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero) - Factory.Clock.GetUtcNow());
        var (ran, run, _) = await Api.PostAsync(admin, "/api/admin/jobs/treasury-daily/run", new { });
        Assert.Equal(HttpStatusCode.OK, ran);
        Assert.Equal("succeeded", run!["status"]!.GetValue<string>());
        var detail = run["detail"]!.GetValue<string>();
        Assert.Contains("Treasury Gamma: 2026-01-05", detail, StringComparison.Ordinal);
        Assert.Contains("Platform treasury: 2026-01-05", detail, StringComparison.Ordinal);

        var (_, own) = await Api.GetAsync(treasurer, "/api/treasury/decisions");
        var (_, platform) = await Api.GetAsync(admin, "/api/treasury/decisions");
        var mine = Assert.Single(own!.AsArray())!;
        Assert.Equal("2026-01-05", mine["as_of"]!.GetValue<string>());
        Assert.Contains(platform!.AsArray(), d => d!["as_of"]!.GetValue<string>() == "2026-01-05");
        Assert.DoesNotContain(platform.AsArray(), d => d!["id"]!.GetValue<long>() == mine["id"]!.GetValue<long>());
    }
}
