using System.Net;
using Dapper;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

public abstract partial class ApiSuite
{
    [DbFact]
    public async Task Health_LiveAndReady_Are200()
    {
        using var anonymous = Factory.ClientWithKey(null);
        var (live, body) = await Api.GetAsync(anonymous, "/health");
        Assert.Equal(HttpStatusCode.OK, live);
        Assert.Equal("ok", body!["status"]!.GetValue<string>());
        var (ready, readyBody) = await Api.GetAsync(anonymous, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready);
        Assert.Equal(Database.IsPostgres ? "postgresql" : "sqlite", readyBody!["database"]!.GetValue<string>());
    }

    [DbFact]
    public async Task OpenApi_DocumentAndDocsPage_AreServed()
    {
        using var anonymous = Factory.ClientWithKey(null);
        var (status, doc) = await Api.GetAsync(anonymous, "/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(doc!["paths"]!["/api/admin/orgs"]);
        // The list is documented as its own summary type (weekly sparkline, no NAV history); the info type adds the history.
        var list = doc["paths"]!["/api/tokens/list"]!["get"]!["responses"]!;
        Assert.Equal("#/components/schemas/TokenSummaryResponse", list["200"]!["content"]!["application/json"]!["schema"]!["items"]!["$ref"]!.GetValue<string>());
        Assert.NotNull(list["304"]);
        var schemas = doc["components"]!["schemas"]!;
        Assert.Equal("array", schemas["TokenSummaryResponse"]!["properties"]!["sparkline"]!["type"]!.GetValue<string>());
        Assert.Null(schemas["TokenSummaryResponse"]!["properties"]!["nav_history"]);
        Assert.NotNull(schemas["TokenResponse"]!["properties"]!["nav_history"]);
        var page = await anonymous.GetAsync(new Uri("/docs/index.html", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [DbFact]
    public async Task AuditVerify_IntactChain_IsValidAndTamperingIsDetected()
    {
        using var admin = Admin();
        await Api.OnboardAsync(Factory, "Audit Church");
        var (status, ok) = await Api.GetAsync(admin, "/api/admin/audit/verify");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(ok!["valid"]!.GetValue<bool>());
        Assert.True(ok["ledger"]!["ok"]!.GetValue<bool>());
        var entries = ok["entries"]!.GetValue<long>();
        Assert.True(entries >= 6, $"expected the onboarding steps in the chain, found {entries}");

        var db = await ArenaDatabase.OpenAsync(Database.Connection, TimeProvider.System);
        await using (var c = await db.OpenConnectionAsync())
        {
            await c.ExecuteAsync("UPDATE audit_log SET actor = 'someone else' WHERE seq = 3");
        }

        var (_, broken) = await Api.GetAsync(admin, "/api/admin/audit/verify");
        Assert.False(broken!["valid"]!.GetValue<bool>());
        Assert.Equal(3, broken["first_bad_sequence"]!.GetValue<long>());
    }
}
