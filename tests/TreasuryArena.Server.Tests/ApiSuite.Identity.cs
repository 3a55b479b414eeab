using System.Net;
using TreasuryArena.Infrastructure.Platform;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

public abstract partial class ApiSuite
{
    [DbFact]
    public async Task Request_WithoutKey_Is401ProblemDetails()
    {
        using var anonymous = Factory.ClientWithKey(null);
        var (status, body) = await Api.GetAsync(anonymous, "/api/admin/orgs");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(401, body!["status"]!.GetValue<int>());
    }

    [DbFact]
    public async Task Request_WithUnknownKey_Is401()
    {
        using var client = Factory.ClientWithKey("ta_not-a-real-key-at-all-000000000000");
        var (status, _) = await Api.GetAsync(client, "/api/orgs/me");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [DbFact]
    public async Task CreateOrganisation_AsAdmin_Returns201WithId()
    {
        using var admin = Admin();
        var (status, body, response) = await Api.PostAsync(admin, "/api/admin/orgs", new { name = "Grace Chapel", type = "church", plan = "premium" });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.True(Guid.TryParse(body!["id"]!.GetValue<string>(), out _));
        Assert.Equal("church", body["type"]!.GetValue<string>());
        Assert.Equal("premium", body["plan"]!.GetValue<string>());
        Assert.Equal("pending", body["status"]!.GetValue<string>());
        Assert.False(body["can_trade"]!.GetValue<bool>());
        Assert.NotNull(response.Headers.Location);
    }

    [DbFact]
    public async Task CreateOrganisation_DuplicateName_Is409AndCreatesNothing()
    {
        using var admin = Admin();
        await Api.CreateOrganisationAsync(admin, "St Mark Trust", "trust");
        var (status, body, _) = await Api.PostAsync(admin, "/api/admin/orgs", new { name = "st mark trust", type = "trust", plan = "free" });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("organisation_exists", body!["code"]!.GetValue<string>());
        var (_, list) = await Api.GetAsync(admin, "/api/admin/orgs");
        Assert.Single(list!.AsArray());
    }

    [DbFact]
    public async Task IssueKey_ShownOnce_ListShowsOnlyPrefix()
    {
        using var admin = Admin();
        var org = await Api.CreateOrganisationAsync(admin, "Hope Ministry", "ministry");
        var key = await Api.IssueKeyAsync(admin, org, "alice", "treasurer");
        Assert.StartsWith("ta_", key, StringComparison.Ordinal);
        var (status, list) = await Api.GetAsync(admin, $"/api/admin/orgs/{org}/keys");
        Assert.Equal(HttpStatusCode.OK, status);
        var listed = list!.ToJsonString();
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
        Assert.Contains(key[..10], listed, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task RevokedKey_Is401Afterwards()
    {
        using var admin = Admin();
        var org = await Api.CreateOrganisationAsync(admin, "Revoked Church");
        var (_, issued, _) = await Api.PostAsync(admin, $"/api/admin/orgs/{org}/keys", new { member = "bob", role = "viewer" });
        var key = issued!["key"]!.GetValue<string>();
        using var viewer = Factory.ClientWithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(viewer, "/api/orgs/me")).Status);

        // Requests with the key keep running while it is revoked: none that starts after the revocation answered may pass.
        using var stop = new CancellationTokenSource();
        var hammer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await viewer.GetAsync(new Uri("/api/tokens/list", UriKind.Relative), CancellationToken.None);
            }
        });
        await Task.Delay(50);
        var (revoked, _, _) = await Api.PostAsync(admin, $"/api/admin/keys/{issued["id"]!.GetValue<string>()}/revoke", new { });
        Assert.Equal(HttpStatusCode.NoContent, revoked);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Api.GetAsync(viewer, "/api/orgs/me")).Status);
            Assert.Equal(HttpStatusCode.Unauthorized, (await Api.GetAsync(viewer, "/api/tokens/list")).Status);
        }

        await stop.CancelAsync();
        await hammer;
    }

    [DbFact]
    public async Task KeyRevokedByAnotherProcess_StopsWorkingWithinTheCacheTtl()
    {
        using var admin = Admin();
        var org = await Api.CreateOrganisationAsync(admin, "Elsewhere Church");
        var (_, issued, _) = await Api.PostAsync(admin, $"/api/admin/orgs/{org}/keys", new { member = "carol", role = "viewer" });
        using var viewer = Factory.ClientWithKey(issued!["key"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(viewer, "/api/tokens/list")).Status);

        // The CLI's `arena keys revoke` on the same database: another process, whose write this server's cache does not see.
        var other = await ArenaDatabase.OpenAsync(Database.Connection, TimeProvider.System);
        var store = new SqlIdentityStore(new PlatformDatabase(other));
        Assert.True(await store.RevokeKeyAsync(Guid.Parse(issued["id"]!.GetValue<string>()), Factory.Clock.GetUtcNow(), CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(viewer, "/api/tokens/list")).Status); // still cached here

        Factory.Clock.Advance(CallerCache.Ttl);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.GetAsync(viewer, "/api/tokens/list")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.GetAsync(viewer, "/api/orgs/me")).Status);
    }

    [DbFact]
    public async Task AdminEndpoints_WithTreasurerOrViewerKey_Are403()
    {
        var onboarded = await Api.OnboardAsync(Factory, "Role Church");
        foreach (var key in new[] { onboarded.TreasurerKey, onboarded.ViewerKey })
        {
            using var client = Factory.ClientWithKey(key);
            Assert.Equal(HttpStatusCode.Forbidden, (await Api.PostAsync(client, "/api/admin/orgs", new { name = "Sneaky", type = "church", plan = "free" })).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await Api.GetAsync(client, "/api/admin/audit/verify")).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await Api.PostAsync(client, $"/api/admin/orgs/{onboarded.OrganisationId}/keys", new { member = "x", role = "treasurer" })).Status);
        }

        using var admin = Admin();
        var (_, list) = await Api.GetAsync(admin, "/api/admin/orgs");
        Assert.Single(list!.AsArray());
    }

    [DbFact]
    public async Task Attest_AsViewer_Is403()
    {
        var onboarded = await Api.OnboardAsync(Factory, "Viewer Church");
        using var viewer = Factory.ClientWithKey(onboarded.ViewerKey);
        var (status, _, _) = await Api.PostAsync(viewer, "/api/orgs/attest", new { document_version = "v1", signer = "Viewer" });
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [DbFact]
    public async Task OrgMe_ShowsOnlyCallersOrganisation()
    {
        var a = await Api.OnboardAsync(Factory, "Church A");
        var b = await Api.OnboardAsync(Factory, "Church B");
        using var viewerA = Factory.ClientWithKey(a.ViewerKey);
        var (_, me) = await Api.GetAsync(viewerA, "/api/orgs/me");
        Assert.Equal(a.OrganisationId, me!["id"]!.GetValue<string>());
        Assert.NotEqual(b.OrganisationId, me["id"]!.GetValue<string>());
        Assert.True(me["can_trade"]!.GetValue<bool>());
    }
}
