using System.Net;
using System.Text.Json.Nodes;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>Issue 21 (esign): compliance documents, ESIGN signature records, the yearly review, export and member erasure.</summary>
public abstract partial class ApiSuite
{
    private const string AgreementText = "Membership agreement.\nThe organisation agrees to the platform terms.";

    [DbFact]
    public async Task Sign_MembershipAgreement_RecordsHashConsentMemberAndKey()
    {
        var onboarded = await Api.OnboardAsync(Factory, "Signing Church");
        using var admin = Admin();
        using var treasurer = Factory.ClientWithKey(onboarded.TreasurerKey);
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync(admin, "/api/admin/documents/membership_agreement", new { version = "2026-1", text = AgreementText })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await Api.PostAsync(admin, "/api/admin/documents/membership_agreement", new { version = "2026-1", text = "other" })).Status);

        var (_, current) = await Api.GetAsync(treasurer, "/api/documents/membership_agreement/current");
        var consentText = current!["consent_text"]!.GetValue<string>();
        Assert.Contains("ESIGN", consentText, StringComparison.Ordinal);

        var (noConsent, refusal, _) = await Api.PostAsync(treasurer, "/api/orgs/me/signatures", new { kind = "membership_agreement", typed_name = "Jane Q. Treasurer", consent = false });
        Assert.Equal(HttpStatusCode.BadRequest, noConsent);
        Assert.Equal("consent_required", refusal!["code"]!.GetValue<string>());

        var (signed, signature, _) = await Api.PostAsync(treasurer, "/api/orgs/me/signatures", new { kind = "membership_agreement", typed_name = "Jane Q. Treasurer", consent = true, document_version = "2026-1" });
        Assert.Equal(HttpStatusCode.Created, signed);
        Assert.Equal(RiskDisclosure.HashText(AgreementText), signature!["document_hash"]!.GetValue<string>());
        Assert.True(signature["consent"]!.GetValue<bool>());
        Assert.Equal(consentText, signature["consent_text"]!.GetValue<string>());
        Assert.Equal("Jane Q. Treasurer", signature["typed_name"]!.GetValue<string>());
        Assert.NotEqual(Guid.Empty, signature["member_id"]!.GetValue<Guid>());
        Assert.NotEqual(Guid.Empty, signature["key_id"]!.GetValue<Guid>());
        Assert.Equal(Factory.Clock.GetUtcNow(), signature["signed_at"]!.GetValue<DateTimeOffset>());

        var (_, list) = await Api.GetAsync(treasurer, "/api/orgs/me/signatures");
        Assert.Contains(list!.AsArray(), s => s!["id"]!.GetValue<string>() == signature["id"]!.GetValue<string>());

        var (_, audit) = await Api.GetAsync(admin, "/api/admin/audit?limit=1000");
        var entry = audit!.AsArray().Single(e => e!["action"]!.GetValue<string>() == "org.sign" && e["outcome"]!.GetValue<string>() == "done");
        var detail = entry!["detail"]!.ToJsonString();
        Assert.Contains(RiskDisclosure.HashText(AgreementText), detail, StringComparison.Ordinal);
        Assert.Contains(signature["key_id"]!.GetValue<string>(), detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane Q. Treasurer", detail, StringComparison.Ordinal); // personal data stays outside the hashed chain
    }

    [DbFact]
    public async Task Review_OverdueItems_WarnTrades_AndMarkingClearsAnItem()
    {
        await using var db = await TestDatabase.CreateAsync(Database.IsPostgres);
        await using var factory = ReviewFactory(db, refuse: false);
        var (treasurer, address) = await TradingTreasurerAsync(factory, "Reviewed Church");
        using var _ = treasurer;

        var (_, fresh) = await Api.GetAsync(treasurer, "/api/orgs/me/compliance/review");
        Assert.Empty(fresh!["overdue"]!.AsArray());
        Assert.Contains(fresh["items"]!.AsArray(), i => i!["item"]!.GetValue<string>() == "document:risk_disclosure");

        factory.Clock.Advance(TimeSpan.FromDays(2));
        var (_, review) = await Api.GetAsync(treasurer, "/api/orgs/me/compliance/review");
        var overdue = Names(review!["overdue"]!);
        Assert.Contains("ips_reviewed", overdue);
        Assert.Contains("key_holders_reviewed", overdue);
        Assert.Contains("verification_current", overdue);

        // The daily compliance-review job notifies each overdue item once per due date: a second run sends nothing.
        using (var admin = factory.ClientWithKey(ArenaFactory.AdminKey))
        {
            Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/jobs/compliance-review/run", new { })).Status);
            Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/jobs/compliance-review/run", new { })).Status);
        }

        var (_, notes) = await Api.GetAsync(treasurer, "/api/notifications");
        var notified = notes!.AsArray().Where(n => n!["kind"]!.GetValue<string>() == "compliance_review_overdue").Select(n => n!["subject"]!.GetValue<string>()).ToList();
        Assert.Equal(overdue.Count, notified.Count);
        Assert.All(overdue, item => Assert.Contains(notified, s => s.StartsWith(item + " due ", StringComparison.Ordinal)));

        var (bought, _, response) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 100m });
        Assert.Equal(HttpStatusCode.OK, bought);
        Assert.Contains(response.Headers.GetValues("X-Compliance-Warning"), w => w.Contains("ips_reviewed", StringComparison.Ordinal));

        var (marked, after, _) = await Api.PostAsync(treasurer, "/api/orgs/me/compliance/review", new { item = "ips_reviewed" });
        Assert.Equal(HttpStatusCode.OK, marked);
        Assert.DoesNotContain("ips_reviewed", Names(after!["overdue"]!));
        Assert.Contains("key_holders_reviewed", Names(after["overdue"]!));
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.PostAsync(treasurer, "/api/orgs/me/compliance/review", new { item = "nonsense" })).Status);
    }

    [DbFact]
    public async Task Review_Overdue_RefusesTrades_WhenConfigured()
    {
        await using var db = await TestDatabase.CreateAsync(Database.IsPostgres);
        await using var factory = ReviewFactory(db, refuse: true);
        var (treasurer, address) = await TradingTreasurerAsync(factory, "Strict Church");
        using var _ = treasurer;
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 100m })).Status);

        factory.Clock.Advance(TimeSpan.FromDays(2));
        var before = Trading.Cash(await Trading.StatusAsync(treasurer, address));
        var (refused, problem, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 100m });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused);
        Assert.Equal("compliance_review_overdue", problem!["code"]!.GetValue<string>());
        Assert.Equal(before, Trading.Cash(await Trading.StatusAsync(treasurer, address)));
    }

    [DbFact]
    public async Task EraseMember_PseudonymisesRevokesKeys_ExportHasRecordsNoSecrets_ChainsVerify()
    {
        var onboarded = await Api.OnboardAsync(Factory, "Erasing Church");
        using var admin = Admin();
        using var treasurer = Factory.ClientWithKey(onboarded.TreasurerKey);
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var address = await Trading.CreateWalletAsync(treasurer, 5_000m);
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync(admin, "/api/admin/documents/treasury_policy_attestation", new { version = "1", text = "We follow our IPS." })).Status);
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync(treasurer, "/api/orgs/me/signatures", new { kind = "treasury_policy_attestation", typed_name = "Erin Erasable", consent = true })).Status);

        // export (API) before erasure: the records are there, no key or key hash is
        var (exported, export) = await Api.GetAsync(admin, $"/api/admin/orgs/{onboarded.OrganisationId}/export");
        Assert.Equal(HttpStatusCode.OK, exported);
        Assert.Contains(export!["wallets"]!.AsArray(), w => w!["address"]!.GetValue<string>() == address);
        Assert.NotEmpty(export["ledger_entries"]!.AsArray());
        Assert.NotEmpty(export["audit_entries"]!.AsArray());
        Assert.Equal(RiskDisclosure.HashText("We follow our IPS."), export["signatures"]!.AsArray().Single()!["document_hash"]!.GetValue<string>());
        var text = export.ToJsonString();
        Assert.DoesNotContain(onboarded.TreasurerKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TreasuryArena.Core.Identity.ApiKeySecret.Hash(onboarded.TreasurerKey), text, StringComparison.Ordinal);

        var (erased, body, _) = await Api.PostAsync(admin, $"/api/admin/orgs/{onboarded.OrganisationId}/members/erase", new { member = "Erasing Church treasurer" });
        Assert.Equal(HttpStatusCode.OK, erased);
        var pseudonym = body!["pseudonym"]!.GetValue<string>();
        Assert.StartsWith("member-", pseudonym, StringComparison.Ordinal);
        Assert.Equal(1, body["keys_revoked"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.GetAsync(treasurer, "/api/orgs/me")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.PostAsync(admin, $"/api/admin/orgs/{onboarded.OrganisationId}/members/erase", new { member = "Erasing Church treasurer" })).Status);

        using var viewer = Factory.ClientWithKey(onboarded.ViewerKey);
        var (_, signatures) = await Api.GetAsync(viewer, "/api/orgs/me/signatures");
        Assert.Equal(pseudonym, signatures!.AsArray().Single()!["typed_name"]!.GetValue<string>());

        // the CLI export after erasure holds the pseudonym and not the name; the ledger and audit chain still verify
        var file = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.json");
        try
        {
            var (code, _, err) = await InProcessArena.RunAsync(["org", "export", "--org", "Erasing Church", "--out", file, "--db", Database.Connection]);
            Assert.True(code == 0, err);
            var json = await File.ReadAllTextAsync(file);
            var cli = JsonNode.Parse(json)!;
            Assert.Contains(cli["members"]!.AsArray(), m => m!["name"]!.GetValue<string>() == pseudonym);
            Assert.DoesNotContain("Erin Erasable", json, StringComparison.Ordinal);
            Assert.DoesNotContain("\"hash\": \"" + TreasuryArena.Core.Identity.ApiKeySecret.Hash(onboarded.TreasurerKey), json, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }

        var (audit, auditOut, auditErr) = await InProcessArena.RunAsync(["audit", "verify", "--db", Database.Connection, "--json"]);
        Assert.True(audit == 0, auditOut + auditErr);
        Assert.True(JsonNode.Parse(auditOut)!["valid"]!.GetValue<bool>());
        var (ledger, ledgerOut, ledgerErr) = await InProcessArena.RunAsync(["ledger", "verify", "--db", Database.Connection]);
        Assert.True(ledger == 0, ledgerOut + ledgerErr);
    }

    [DbFact]
    public async Task Cli_SignReviewAndErase_UseTheSameRules()
    {
        var onboarded = await Api.OnboardAsync(Factory, "Cli Signing Church");
        var db = Database.Connection;
        var file = Path.Combine(Path.GetTempPath(), $"agreement-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, AgreementText);
        try
        {
            var (published, _, publishErr) = await InProcessArena.RunAsync(["admin", "publish-document", "--kind", "membership_agreement", "--version", "cli-1", "--file", file, "--db", db]);
            Assert.True(published == 0, publishErr);
        }
        finally
        {
            File.Delete(file);
        }

        var (noConsent, _, noConsentErr) = await InProcessArena.RunAsync(["org", "sign", "--org", "Cli Signing Church", "--kind", "membership_agreement", "--typed-name", "Jo Treasurer", "--as-key", onboarded.TreasurerKey, "--db", db]);
        Assert.Equal(2, noConsent);
        Assert.Contains("consent", noConsentErr, StringComparison.OrdinalIgnoreCase);

        var (signed, signOut, signErr) = await InProcessArena.RunAsync(["org", "sign", "--org", "Cli Signing Church", "--kind", "membership_agreement", "--typed-name", "Jo Treasurer", "--consent", "--as-key", onboarded.TreasurerKey, "--db", db, "--json"]);
        Assert.True(signed == 0, signErr);
        var signature = JsonNode.Parse(signOut)!;
        Assert.Equal(RiskDisclosure.HashText(AgreementText), signature["document_hash"]!.GetValue<string>());
        Assert.True(signature["consent"]!.GetValue<bool>());

        using var treasurer = Factory.ClientWithKey(onboarded.TreasurerKey);
        var (_, list) = await Api.GetAsync(treasurer, "/api/orgs/me/signatures");
        Assert.Equal(signature["key_id"]!.GetValue<string>(), list!.AsArray().Single()!["key_id"]!.GetValue<string>());

        var (reviewed, reviewOut, reviewErr) = await InProcessArena.RunAsync(["org", "review", "--org", "Cli Signing Church", "--mark", "key_holders_reviewed", "--db", db, "--json"]);
        Assert.True(reviewed == 0, reviewErr);
        var items = JsonNode.Parse(reviewOut)!["items"]!.AsArray();
        Assert.NotNull(items.Single(i => i!["item"]!.GetValue<string>() == "key_holders_reviewed")!["last_done_at"]);
        Assert.Contains(items, i => i!["item"]!.GetValue<string>() == "document:membership_agreement");

        var (unknown, _, _) = await InProcessArena.RunAsync(["org", "erase-member", "--org", "Cli Signing Church", "--member", "nobody", "--db", db]);
        Assert.Equal(3, unknown);
    }

    private static List<string> Names(JsonNode array) => [.. array.AsArray().Select(n => n!.GetValue<string>())];

    private static async Task<(HttpClient Treasurer, string Address)> TradingTreasurerAsync(ArenaFactory factory, string name)
    {
        var onboarded = await Api.OnboardAsync(factory, name);
        using var admin = factory.ClientWithKey(ArenaFactory.AdminKey);
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var treasurer = factory.ClientWithKey(onboarded.TreasurerKey);
        return (treasurer, await Trading.CreateWalletAsync(treasurer, 10_000m));
    }

    private static ArenaFactory ReviewFactory(TestDatabase db, bool refuse)
    {
        var factory = new ArenaFactory(db.Connection, new FakeClock(), new Dictionary<string, string?>
        {
            ["Arena:HoldTradesPerDayAbove"] = "100000",
            ["Compliance:ReviewPeriodDays"] = "1",
            ["Compliance:RefuseTradingWhenReviewOverdue"] = refuse ? "true" : "false",
        });
        _ = factory.Server;
        return factory;
    }
}
