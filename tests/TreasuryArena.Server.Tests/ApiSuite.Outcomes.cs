using System.Net;
using System.Text.Json.Nodes;
using TreasuryArena.Core.Common;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>Refusals answered through the real pipeline with the status, type, title and code of their <see cref="OutcomeTable"/> row.</summary>
public abstract partial class ApiSuite
{
    [DbFact]
    public async Task Outcome_NotFound_Is404WithTheTablesProblem()
    {
        using var admin = Admin();
        var (status, body, _) = await Api.PostAsync(admin, $"/api/admin/keys/{Guid.NewGuid()}/revoke", new { });
        AssertProblem(HttpStatusCode.NotFound, "key_not_found", Outcome.KeyNotFound, status, body);
    }

    [DbFact]
    public async Task Outcome_Conflict_Is409WithTheTablesProblem()
    {
        using var admin = Admin();
        var org = await Api.CreateOrganisationAsync(admin, "Outcome Chapel");
        var (_, issued, _) = await Api.PostAsync(admin, $"/api/admin/orgs/{org}/keys", new { member = "bob", role = "viewer" });
        var id = issued!["id"]!.GetValue<string>();
        Assert.True((await Api.PostAsync(admin, $"/api/admin/keys/{id}/revoke", new { })).Status is HttpStatusCode.OK or HttpStatusCode.NoContent);
        var (status, body, _) = await Api.PostAsync(admin, $"/api/admin/keys/{id}/revoke", new { });
        AssertProblem(HttpStatusCode.Conflict, "key_already_revoked", Outcome.KeyAlreadyRevoked, status, body);
    }

    [DbFact]
    public async Task Outcome_RefusedByARule_Is422WithTheTablesProblem()
    {
        var onboarded = await Api.OnboardAsync(Factory, "Outcome Trust");
        using var treasurer = Factory.ClientWithKey(onboarded.TreasurerKey);
        var (status, body, _) = await Api.PostAsync(treasurer, "/api/orgs/attest", new { document_version = "v0", signer = "Jane" });
        AssertProblem(HttpStatusCode.UnprocessableEntity, "not_current_disclosure", Outcome.NotCurrentDisclosure, status, body);
    }

    /// <summary>
    /// The suffix heuristics answered <c>hold_expired</c> with 422 (no <c>_exists</c>, <c>already</c> or <c>conflict</c> in the
    /// code) although the endpoint documents 409: the hold's state, not the request, is what refuses the release.
    /// </summary>
    [DbFact]
    public async Task ReleaseHold_Expired_Is409HoldExpired()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var org = await Api.OnboardAsync(Factory, "Expiry Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 100_000m);
        var (held, hb, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 30_000m });
        Assert.Equal(HttpStatusCode.Accepted, held);
        Factory.Clock.Advance(TimeSpan.FromHours(73));

        var (status, body, _) = await Api.PostAsync(admin, $"/api/admin/holds/{hb!["hold_id"]!.GetValue<string>()}/release", new { });
        AssertProblem(HttpStatusCode.Conflict, "hold_expired", Outcome.HoldExpired, status, body);
        Assert.Equal(100_000m, Trading.Cash(await Trading.StatusAsync(treasurer, address)));
    }

    private static void AssertProblem(HttpStatusCode expected, string code, Outcome outcome, HttpStatusCode status, JsonNode? body)
    {
        Assert.True(expected == status, body?.ToJsonString());
        Assert.Equal((int)expected, body!["status"]!.GetValue<int>());
        Assert.Equal(code, body["code"]!.GetValue<string>());
        Assert.Equal("https://treasury-arena.example/problems/" + code, body["type"]!.GetValue<string>());
        Assert.Equal(code.Replace('_', ' '), body["title"]!.GetValue<string>());
        Assert.Equal(outcome.HttpStatus(), (int)status);
    }
}
