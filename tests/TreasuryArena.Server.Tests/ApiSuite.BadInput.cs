using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Server.Http;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

public abstract partial class ApiSuite
{
    public static TheoryData<string, string, int, string> BadOrganisationBodies => new()
    {
        { "malformed JSON", "{\"name\": \"x\",", 400, "body" },
        { "not an object", "[1,2,3]", 400, "body" },
        { "wrong type for name", "{\"name\": 42, \"type\": \"church\", \"plan\": \"free\"}", 400, "name" },
        { "unknown type", "{\"name\": \"A\", \"type\": \"casino\", \"plan\": \"free\"}", 400, "type" },
        { "numeric enum", "{\"name\": \"A\", \"type\": 1, \"plan\": \"free\"}", 400, "type" },
        { "missing name", "{\"type\": \"church\", \"plan\": \"free\"}", 400, "name" },
        { "null name", "{\"name\": null, \"type\": \"church\", \"plan\": \"free\"}", 400, "name" },
        { "empty name", "{\"name\": \"\", \"type\": \"church\", \"plan\": \"free\"}", 400, "name" },
        { "blank name", "{\"name\": \"   \", \"type\": \"church\", \"plan\": \"free\"}", 400, "name" },
        { "absurdly long name", "{\"name\": \"" + new string('x', 5000) + "\", \"type\": \"church\", \"plan\": \"free\"}", 400, "name" },
    };

    [DbFact]
    public async Task CreateOrganisation_BadBodies_Are4xxProblemDetailsAndChangeNothing()
    {
        using var admin = Admin();
        foreach (var row in BadOrganisationBodies)
        {
            var label = (string)row[0];
            var json = (string)row[1];
            var expected = (int)row[2];
            var field = (string)row[3];
            var (status, body, response) = await Api.PostAsync(admin, "/api/admin/orgs", json);
            Assert.True(expected == (int)status, $"{label}: expected {expected}, got {(int)status} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            if (field.Length > 0)
            {
                Assert.True(body!["errors"]?[field] is not null, $"{label}: no field error for '{field}' in {body}");
            }
        }

        var (_, list) = await Api.GetAsync(admin, "/api/admin/orgs");
        Assert.Empty(list!.AsArray());
    }

    [DbFact]
    public async Task OversizedBody_Is413AndChangesNothing()
    {
        using var admin = Admin();
        var text = new string('a', 300 * 1024);
        var (status, body, _) = await Api.PostAsync(admin, "/api/admin/disclosures", new { version = "big", text });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("body_too_large", body!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(admin, "/api/disclosures/current")).Status);
    }

    [DbFact]
    public async Task IssueKey_UnknownRoleOrAdminRoleOnOrganisation_IsRefused()
    {
        using var admin = Admin();
        var org = await Api.CreateOrganisationAsync(admin, "Key Church");
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.PostAsync(admin, $"/api/admin/orgs/{org}/keys", new { member = "m", role = "superuser" })).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Api.PostAsync(admin, $"/api/admin/orgs/{org}/keys", new { member = "m", role = "admin" })).Status);
        var (_, keys) = await Api.GetAsync(admin, $"/api/admin/orgs/{org}/keys");
        Assert.Empty(keys!.AsArray());
    }

    [DbFact]
    public async Task WrongContentType_Is4xx()
    {
        using var admin = Admin();
        using var content = new StringContent("name=x", Encoding.UTF8, new MediaTypeHeaderValue("application/x-www-form-urlencoded"));
        var response = await admin.PostAsync(new Uri("/api/admin/orgs", UriKind.Relative), content);
        Assert.InRange((int)response.StatusCode, 400, 415);
    }

    [DbFact]
    public async Task Refusals_AreInTheAuditChain()
    {
        using var admin = Admin();
        await Api.PostAsync(admin, "/api/admin/orgs", "{oops");
        using var anonymous = Factory.ClientWithKey(null);
        await Api.GetAsync(anonymous, "/api/orgs/me");
        await Api.GetAsync(anonymous, "/api/orgs/me");
        var (_, early) = await Api.GetAsync(admin, "/api/admin/audit?limit=1000");
        // Issue 20: anonymous refusals are counted, not written one by one; their summary is written at the window's end.
        Assert.DoesNotContain(early!.AsArray(), e => e!["actor"]!.GetValue<string>().StartsWith("anonymous", StringComparison.Ordinal));
        Assert.Equal(1, await Factory.Services.GetRequiredService<RefusalAuditSummary>().FlushAsync(CancellationToken.None));

        var (_, audit) = await Api.GetAsync(admin, "/api/admin/audit?limit=1000");
        var refused = audit!.AsArray().Where(e => e!["outcome"]!.GetValue<string>() == "refused").ToList();
        Assert.Contains(refused, e => e!["action"]!.GetValue<string>() == "http POST /api/admin/orgs");
        var summary = Assert.Single(refused, e => e!["actor"]!.GetValue<string>().StartsWith("anonymous", StringComparison.Ordinal));
        Assert.Equal(RefusalAuditSummary.Action, summary!["action"]!.GetValue<string>());
        Assert.Equal(2, JsonNode.Parse(summary["detail"]!.GetValue<string>())!["statuses"]!["401"]!.GetValue<long>());
        Assert.True((await Api.GetAsync(admin, "/api/admin/audit/verify")).Body!["valid"]!.GetValue<bool>());
    }
}
