using System.Net;
using System.Net.Http.Headers;
using System.Text;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>Regressions for what the API fuzzer (<c>Fuzz/ApiFuzzSuite</c>) found; the clock of these tests stands still, as it did there.</summary>
public abstract partial class ApiSuite
{
    [DbFact]
    public async Task Bug_20_VerifyOrganisationTwiceAtOneInstant_IsOkNot500()
    {
        using var admin = Admin();
        var org = await Api.OnboardAsync(Factory, "Twice Verified Church");
        var (status, body, _) = await Api.PostAsync(admin, $"/api/admin/orgs/{org.OrganisationId}/verify", new { entity_type = "trust", registration = "REG-2", reviewer = "second reviewer" });
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
        Assert.Equal("verified", body!["status"]!.GetValue<string>());
        var (_, again) = await Api.GetAsync(admin, $"/api/admin/orgs/{org.OrganisationId}");
        Assert.Equal("second reviewer", again!["verification"]!["reviewer"]!.GetValue<string>());
    }

    [DbFact]
    public async Task Bug_20_AttestTwiceAtOneInstant_IsCreatedNot500()
    {
        var org = await Api.OnboardAsync(Factory, "Twice Attested Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var (status, body, _) = await Api.PostAsync(treasurer, "/api/orgs/attest", new { document_version = "v1", signer = "Jane Treasurer" });
        Assert.True(status == HttpStatusCode.Created, $"{status} {body}");
    }

    [DbFact]
    public async Task Bug_20_ReleaseOfAHoldWhoseTradeIsNowRefused_IsRefusedAndLeavesTheHoldPending()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "HOLDX");
        var org = await Api.OnboardAsync(Factory, "Held Release Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 10_000m);
        var (held, hold, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "HOLDX", amount = 5_000m });
        Assert.True(held == HttpStatusCode.Accepted, $"{held} {hold}");
        var id = hold!["hold_id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/tokens/HOLDX/pause", new { reason = "review" })).Status);

        var (refused, problem, _) = await Api.PostAsync(admin, $"/api/admin/holds/{id}/release", "");
        Assert.True(refused == HttpStatusCode.UnprocessableEntity, $"{refused} {problem}");
        Assert.Equal("token_not_tradable", problem!["code"]!.GetValue<string>());
        var (_, holds) = await Api.GetAsync(admin, "/api/admin/holds?status=held");
        Assert.Contains(holds!.AsArray(), h => h!["id"]!.GetValue<string>() == id);
        Assert.Equal(10_000m, Trading.Cash(await Trading.StatusAsync(treasurer, address)));

        // Once the token trades again, the same hold is released and the trade executes.
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/tokens/HOLDX/resume", new { reason = "reviewed" })).Status);
        var (released, trade, _) = await Api.PostAsync(admin, $"/api/admin/holds/{id}/release", "");
        Assert.True(released == HttpStatusCode.OK, $"{released} {trade}");
        Assert.Equal(5_000m, Trading.Cash(await Trading.StatusAsync(treasurer, address)));
    }

    [DbFact]
    public async Task Bug_20_RefusalsTheFrameworkWrites_AreProblemJsonWithACode()
    {
        using var admin = Admin();
        var org = await Api.OnboardAsync(Factory, "Codes Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        using var stranger = Factory.ClientWithKey("ta_not-a-real-key-000000000000000000");
        using var textPlain = new StringContent("{\"mode\":\"manual\"}", Encoding.UTF8, new MediaTypeHeaderValue("text/plain"));
        var cases = new (string Label, Func<Task<HttpResponseMessage>> Send, int Status, string Code)[]
        {
            ("unknown key", () => stranger.PostAsync(new Uri("/api/wallet/create", UriKind.Relative), JsonBody("{}")), 401, "unauthenticated"),
            ("treasurer on an admin route", () => treasurer.GetAsync(new Uri("/api/admin/holds", UriKind.Relative)), 403, "role_forbidden"),
            ("id of the wrong shape", () => admin.GetAsync(new Uri("/api/admin/orgs/not-a-guid", UriKind.Relative)), 404, "not_found"),
            ("unknown organisation", () => admin.GetAsync(new Uri($"/api/admin/orgs/{Guid.NewGuid()}", UriKind.Relative)), 404, "not_found"),
            ("body not JSON", () => treasurer.PostAsync(new Uri("/api/wallet/create", UriKind.Relative), textPlain), 415, "unsupported_media_type"),
            ("validation attribute", () => admin.PostAsync(new Uri("/api/admin/halt", UriKind.Relative), JsonBody("{\"reason\":\"" + new string('x', 1001) + "\"}")), 400, "invalid_request"),
        };
        foreach (var (label, send, status, code) in cases)
        {
            using var response = await send();
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(status == (int)response.StatusCode, $"{label}: {(int)response.StatusCode} {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(System.Text.Json.Nodes.JsonNode.Parse(text)!["code"]?.GetValue<string>() == code, $"{label}: {text}");
        }

        var (_, halt) = await Api.GetAsync(admin, "/api/admin/halt");
        Assert.False(halt!["halted"]!.GetValue<bool>());
    }

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");
}
