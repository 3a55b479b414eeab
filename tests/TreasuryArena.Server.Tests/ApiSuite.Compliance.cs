using System.Net;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

public abstract partial class ApiSuite
{
    [DbFact]
    public async Task VerifyOrganisation_RecordsEvidence()
    {
        using var admin = Admin();
        var org = await Api.CreateOrganisationAsync(admin, "Evidence Trust", "trust");
        var (status, body, _) = await Api.PostAsync(admin, $"/api/admin/orgs/{org}/verify", new { entity_type = "charitable trust", registration = "CC-1234567", reviewer = "R. Reviewer" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("verified", body!["status"]!.GetValue<string>());
        Assert.Equal("CC-1234567", body["verification"]!["registration"]!.GetValue<string>());
        Assert.Equal("R. Reviewer", body["verification"]!["reviewer"]!.GetValue<string>());
        Assert.Equal(Factory.Clock.GetUtcNow(), body["verification"]!["verified_at"]!.GetValue<DateTimeOffset>());
    }

    [DbFact]
    public async Task VerifyOrganisation_UnknownId_Is404()
    {
        using var admin = Admin();
        var (status, body, _) = await Api.PostAsync(admin, $"/api/admin/orgs/{Guid.NewGuid()}/verify", new { entity_type = "church", registration = "x", reviewer = "y" });
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("organisation_not_found", body!["code"]!.GetValue<string>());
    }

    [DbFact]
    public async Task Attest_NotCurrentVersion_Is422AndNewVersionNeedsNewAttestation()
    {
        var onboarded = await Api.OnboardAsync(Factory, "Attesting Church");
        using var treasurer = Factory.ClientWithKey(onboarded.TreasurerKey);
        using var admin = Admin();

        var (stale, body, _) = await Api.PostAsync(treasurer, "/api/orgs/attest", new { document_version = "v0", signer = "Jane" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale);
        Assert.Equal("not_current_disclosure", body!["code"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync(admin, "/api/admin/disclosures", new { version = "v2", text = "New risks." })).Status);
        var (_, me) = await Api.GetAsync(treasurer, "/api/orgs/me");
        Assert.False(me!["can_trade"]!.GetValue<bool>());

        var (attested, attestation, _) = await Api.PostAsync(treasurer, "/api/orgs/attest", new { document_version = "v2", signer = "Jane" });
        Assert.Equal(HttpStatusCode.Created, attested);
        Assert.Equal(TreasuryArena.Core.Compliance.RiskDisclosure.HashText("New risks."), attestation!["document_hash"]!.GetValue<string>());
        (_, me) = await Api.GetAsync(treasurer, "/api/orgs/me");
        Assert.True(me!["can_trade"]!.GetValue<bool>());
    }

    [DbFact]
    public async Task PublishDisclosure_SameVersionTwice_Is409()
    {
        using var admin = Admin();
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync(admin, "/api/admin/disclosures", new { version = "2026-1", text = "a" })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await Api.PostAsync(admin, "/api/admin/disclosures", new { version = "2026-1", text = "b" })).Status);
        var (_, current) = await Api.GetAsync(admin, "/api/disclosures/current");
        Assert.Equal("a", current!["text"]!.GetValue<string>());
    }

    [DbFact]
    public async Task Halt_ThenResume_IsRecordedAndAudited()
    {
        using var admin = Admin();
        var (status, body, _) = await Api.PostAsync(admin, "/api/admin/halt", new { reason = "market incident" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body!["halted"]!.GetValue<bool>());
        var (_, state) = await Api.GetAsync(admin, "/api/admin/halt");
        Assert.Equal("market incident", state!["reason"]!.GetValue<string>());
        Assert.False((await Api.PostAsync(admin, "/api/admin/resume", new { })).Body!["halted"]!.GetValue<bool>());

        var (_, audit) = await Api.GetAsync(admin, "/api/admin/audit?limit=1000");
        var actions = audit!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.Contains("platform.halt", actions);
        Assert.Contains("platform.resume", actions);
        var (_, notes) = await Api.GetAsync(admin, "/api/admin/notifications");
        Assert.Contains(notes!.AsArray(), n => n!["kind"]!.GetValue<string>() == "platform_halted");
    }
}
