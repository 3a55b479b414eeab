using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Core.Audit;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests.Approvals;

/// <summary>
/// Issue 21, the rest of two-person approval: a member's policy change waits for a second, different member (202
/// <c>awaiting_second_approval</c>) and the approver (trustee) role's approval applies only the clauses it set, while the
/// operator's <c>arena policy set</c> applies at once; requests past their lifetime expire when listed (fake clock),
/// audited and notified, as rejections are; a treasurer runs their own treasury; erasing a member leaves the audit
/// chain and ledger verifying while the name is gone from the audit listing and the export.
/// </summary>
public abstract class PolicyApprovalSuite : ServerTestBase
{
    [DbFact]
    public async Task PolicyPut_ByMember_AwaitsSecondMember_ApproverAppliesGivenClausesOnly_OperatorActsAlone()
    {
        using var admin = Admin();
        var org = await Api.OnboardAsync(Factory, "Policy Dual Church");
        var approverKey = await Api.IssueKeyAsync(admin, org.OrganisationId, "Policy Dual trustee", "approver");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        using var viewer = Factory.ClientWithKey(org.ViewerKey);
        using var approver = Factory.ClientWithKey(approverKey);
        var head = await HeadAsync();

        var (put, pending) = await PutPolicyAsync(treasurer, new { max_token_weight = 0.25m });
        Assert.Equal(HttpStatusCode.Accepted, put);
        Assert.Equal("awaiting_second_approval", pending!["status"]!.GetValue<string>());
        Assert.Equal("policy_change", pending["kind"]!.GetValue<string>());
        Assert.Contains("max_token_weight", pending["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        var id = pending["id"]!.GetValue<string>();
        var (_, unchanged) = await Api.GetAsync(viewer, "/api/orgs/me/policy");
        Assert.Equal(0, unchanged!["version"]!.GetValue<int>());

        // The approver sees it with the requester's name; the requester and a viewer may not give the second approval.
        var (_, listed) = await Api.GetAsync(approver, "/api/approvals");
        var row = Assert.Single(listed!.AsArray(), a => a!["id"]!.GetValue<string>() == id)!;
        Assert.StartsWith("Policy Dual Church treasurer (treasurer, key ", row["requested_by_name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("member-", row["requested_by"]!.GetValue<string>(), StringComparison.Ordinal);
        var (same, sameBody, _) = await Api.PostAsync(treasurer, $"/api/approvals/{id}/approve", new { });
        Assert.Equal(HttpStatusCode.Conflict, same);
        Assert.Equal("same_approver", sameBody!["code"]!.GetValue<string>());
        var (byViewer, viewerBody, _) = await Api.PostAsync(viewer, $"/api/approvals/{id}/approve", new { });
        Assert.Equal(HttpStatusCode.Forbidden, byViewer);
        Assert.Equal("role_forbidden", viewerBody!["code"]!.GetValue<string>());
        Assert.Equal(0, (await Api.GetAsync(viewer, "/api/orgs/me/policy")).Body!["version"]!.GetValue<int>());

        var (approved, decision, _) = await Api.PostAsync(approver, $"/api/approvals/{id}/approve", new { });
        Assert.True(approved == HttpStatusCode.OK, decision?.ToJsonString());
        Assert.Equal("executed", decision!["approval"]!["status"]!.GetValue<string>());
        Assert.Equal("policy version 1 set (max_token_weight)", decision["approval"]!["result"]!.GetValue<string>());
        var (_, now) = await Api.GetAsync(viewer, "/api/orgs/me/policy");
        Assert.Equal(1, now!["version"]!.GetValue<int>());
        Assert.Equal(0.25m, now["policy"]!["max_token_weight"]!.GetValue<decimal>());
        Assert.Equal(1m, now["policy"]!["max_volatile_share"]!.GetValue<decimal>());

        // The approver may ask too (the treasurer's approval applies it) and a change may be rejected: nothing applied.
        var (put2, pending2) = await PutPolicyAsync(approver, new { benchmark = "T-bill" });
        Assert.Equal(HttpStatusCode.Accepted, put2);
        var (rejected, rejectedBody, _) = await Api.PostAsync(treasurer, $"/api/approvals/{pending2!["id"]!.GetValue<string>()}/reject", new { reason = "not before the board meets" });
        Assert.Equal(HttpStatusCode.OK, rejected);
        Assert.Equal("rejected", rejectedBody!["status"]!.GetValue<string>());
        Assert.Equal(1, (await Api.GetAsync(viewer, "/api/orgs/me/policy")).Body!["version"]!.GetValue<int>());

        // An invalid change is refused at once (400), never queued.
        var (bad, problem) = await PutPolicyAsync(treasurer, new { max_volatile_share = 1.5m });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Equal("invalid_policy", problem!["code"]!.GetValue<string>());
        Assert.Empty((await Api.GetAsync(treasurer, "/api/approvals")).Body!.AsArray());

        // The operator acts for the platform: a partial file applies at once, audited, no approval.
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "min_tokens: 2\n");
            var (code, output, err) = await InProcessArena.RunAsync(["policy", "set", "--db", Database.Connection, "--org", "Policy Dual Church", "--file", file, "--json"]);
            Assert.True(code == 0, err);
            Assert.Equal(2, JsonNode.Parse(output)!["version"]!.GetValue<int>());
        }
        finally
        {
            File.Delete(file);
        }

        var (_, final) = await Api.GetAsync(viewer, "/api/orgs/me/policy");
        Assert.Equal(2, final!["policy"]!["min_tokens"]!.GetValue<int>());
        Assert.Equal(0.25m, final["policy"]!["max_token_weight"]!.GetValue<decimal>());
        Assert.Equal("60/40 BTC/T-bill", final["policy"]!["benchmark"]!.GetValue<string>()); // the rejected change never applied
        var (_, all) = await Api.GetAsync(admin, "/api/approvals?status=all");
        Assert.Equal(2, all!.AsArray().Count(a => a!["kind"]!.GetValue<string>() == "policy_change"));

        var records = await AuditAfterAsync(head);
        Assert.Equal(
            ["approval.request done", "approval.approve refused same_approver", "approval.approve refused role_forbidden", "policy.set done", "approval.approve done",
             "approval.request done", "approval.reject done", "policy.set refused invalid_policy", "policy.set done"],
            records.Where(r => r.Action.StartsWith("approval.", StringComparison.Ordinal) || r.Action == "policy.set").Select(Describe));
        var applied = records.First(r => r.Action == "policy.set" && r.Outcome == AuditOutcome.Done);
        Assert.Equal(id, JsonNode.Parse(applied.Detail)!["approval_id"]!.GetValue<string>());
        Assert.Contains("(approver, key ", applied.Actor, StringComparison.Ordinal);
        Assert.StartsWith("cli:", records.Last(r => r.Action == "policy.set").Actor, StringComparison.Ordinal); // the operator at the CLI, acting for the platform

        var kinds = await NotificationKindsAsync(admin);
        Assert.Contains("second_approval_needed", kinds);
        Assert.Contains("approval_executed", kinds);
        Assert.Contains("approval_rejected", kinds);
    }

    [DbFact]
    public async Task PendingApproval_PastItsLifetime_ExpiresWhenListed_AuditedAndNotified_NothingApplied()
    {
        using var admin = Admin();
        var org = await Api.OnboardAsync(Factory, "Expiry Church");
        var approverKey = await Api.IssueKeyAsync(admin, org.OrganisationId, "Expiry trustee", "approver");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        using var approver = Factory.ClientWithKey(approverKey);
        var (put, pending) = await PutPolicyAsync(treasurer, new { min_tokens = 3 });
        Assert.Equal(HttpStatusCode.Accepted, put);
        var id = pending!["id"]!.GetValue<string>();

        Factory.Clock.Advance(TimeSpan.FromHours(71));
        Assert.Single((await Api.GetAsync(approver, "/api/approvals")).Body!.AsArray());
        Assert.DoesNotContain("approval_expired", await NotificationKindsAsync(admin));

        // No job runs: listing past the 72 h lifetime expires it.
        Factory.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Empty((await Api.GetAsync(approver, "/api/approvals")).Body!.AsArray());
        var (_, expired) = await Api.GetAsync(approver, "/api/approvals?status=expired");
        var row = Assert.Single(expired!.AsArray())!;
        Assert.Equal(id, row["id"]!.GetValue<string>());
        Assert.Equal("job:approval-expiry (admin, key 00000000000000000000000000000000)", row["decided_by"]!.GetValue<string>());
        var (late, lateBody, _) = await Api.PostAsync(approver, $"/api/approvals/{id}/approve", new { });
        Assert.Equal(HttpStatusCode.Conflict, late);
        Assert.Equal("approval_closed", lateBody!["code"]!.GetValue<string>());
        Assert.Equal(0, (await Api.GetAsync(treasurer, "/api/orgs/me/policy")).Body!["version"]!.GetValue<int>());

        var records = await AuditAfterAsync(0);
        var expiry = Assert.Single(records, r => r.Action == "approval.expire");
        Assert.Equal(id, expiry.Subject);
        Assert.Equal("policy_change", JsonNode.Parse(expiry.Detail)!["kind"]!.GetValue<string>());
        Assert.Contains("approval_expired", await NotificationKindsAsync(admin));
    }

    [DbFact]
    public async Task TreasuryRuns_TheOrganisationsTreasurerRunsItsOwn_ViewerAndApproverRefused()
    {
        using var admin = Admin();
        var org = await Api.OnboardAsync(Factory, "Runner Church");
        var approverKey = await Api.IssueKeyAsync(admin, org.OrganisationId, "Runner trustee", "approver");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        using var viewer = Factory.ClientWithKey(org.ViewerKey);
        using var approver = Factory.ClientWithKey(approverKey);
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync(treasurer, "/api/treasury", new { capital = 100_000m })).Status);

        var (ran, decision, _) = await Api.PostAsync(treasurer, "/api/treasury/advise?as_of=2026-01-05", new { });
        Assert.True(ran == HttpStatusCode.OK, decision?.ToJsonString());
        Assert.Equal("2026-01-05", decision!["as_of"]!.GetValue<string>());
        var (_, journal) = await Api.GetAsync(viewer, "/api/treasury/decisions");
        Assert.Equal(decision["id"]!.GetValue<long>(), Assert.Single(journal!.AsArray())!["id"]!.GetValue<long>());
        var (_, platform) = await Api.GetAsync(admin, "/api/treasury/decisions");
        Assert.DoesNotContain(platform!.AsArray(), d => d!["id"]!.GetValue<long>() == decision["id"]!.GetValue<long>());

        foreach (var client in new[] { viewer, approver })
        {
            var (status, problem, _) = await Api.PostAsync(client, "/api/treasury/execute?as_of=2026-01-05", new { });
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Equal("role_forbidden", problem!["code"]!.GetValue<string>());
        }

        Assert.Single((await Api.GetAsync(viewer, "/api/treasury/decisions")).Body!.AsArray());
        var records = await AuditAfterAsync(0);
        Assert.Contains(records, r => r.Action == "treasury.advise" && r.Outcome == AuditOutcome.Done && r.Actor.Contains("(treasurer, key ", StringComparison.Ordinal));
        Assert.Equal(2, records.Count(r => r.Action == "treasury.execute" && r.Outcome == AuditOutcome.Refused));

        // An approver never trades.
        var (buy, buyProblem, _) = await Api.PostAsync(approver, "/api/wallet/create", new { mode = "manual", risk = "moderate" });
        Assert.Equal(HttpStatusCode.Forbidden, buy);
        Assert.Equal("role_forbidden", buyProblem!["code"]!.GetValue<string>());
    }

    [DbFact]
    public async Task EraseMember_AuditChainAndLedgerStillVerify_NameGoneFromAuditListingAndExport()
    {
        const string Name = "Erin Q. Example";
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var org = await Api.OnboardAsync(Factory, "Erasure Church");
        var erinKey = await Api.IssueKeyAsync(admin, org.OrganisationId, Name, "treasurer");
        using var erin = Factory.ClientWithKey(erinKey);
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var address = await Trading.CreateWalletAsync(erin, 5_000m);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(erin, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 1_000m })).Status);
        var (put, pending) = await PutPolicyAsync(erin, new { min_tokens = 1 });
        Assert.Equal(HttpStatusCode.Accepted, put);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(treasurer, $"/api/approvals/{pending!["id"]!.GetValue<string>()}/approve", new { })).Status);

        // Before: the chain holds only the pseudonym; the listing shows the name through the members table.
        var (_, before) = await Api.GetAsync(admin, "/api/admin/audit?limit=1000");
        var entries = before!.AsArray();
        Assert.All(entries, e => Assert.DoesNotContain(Name, e!["actor"]!.GetValue<string>() + e["detail"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Contains(entries, e => e!["actor_name"]!.GetValue<string>().StartsWith(Name + " (treasurer", StringComparison.Ordinal));
        Assert.Contains(Name, (await Api.GetAsync(treasurer, "/api/approvals?status=all")).Body!.ToJsonString(), StringComparison.Ordinal);
        var (exportBefore, _, _) = await InProcessArena.RunAsync(["org", "export", "--db", Database.Connection, "--org", "Erasure Church"]);
        Assert.Equal(0, exportBefore);

        var (erased, erasedOut, erasedErr) = await InProcessArena.RunAsync(["org", "erase-member", "--db", Database.Connection, "--org", "Erasure Church", "--member", Name, "--json"]);
        Assert.True(erased == 0, erasedErr);
        var pseudonym = JsonNode.Parse(erasedOut)!["pseudonym"]!.GetValue<string>();

        var (verify, verifyOut, _) = await InProcessArena.RunAsync(["audit", "verify", "--db", Database.Connection, "--json"]);
        Assert.Equal(0, verify);
        Assert.True(JsonNode.Parse(verifyOut)!["valid"]!.GetValue<bool>(), verifyOut);
        var (ledgerCode, ledgerOut, ledgerErr) = await InProcessArena.RunAsync(["ledger", "verify", "--db", Database.Connection]);
        Assert.True(ledgerCode == 0, ledgerOut + ledgerErr);
        var (_, apiVerify) = await Api.GetAsync(admin, "/api/admin/audit/verify");
        Assert.True(apiVerify!["valid"]!.GetValue<bool>(), apiVerify.ToJsonString());

        var (_, after) = await Api.GetAsync(admin, "/api/admin/audit?limit=1000");
        Assert.DoesNotContain(Name, after!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(after.AsArray(), e => e!["actor_name"]!.GetValue<string>().StartsWith(pseudonym + " (treasurer", StringComparison.Ordinal));
        var (exportCode, exported, exportErr) = await InProcessArena.RunAsync(["org", "export", "--db", Database.Connection, "--org", "Erasure Church"]);
        Assert.True(exportCode == 0, exportErr);
        Assert.DoesNotContain(Name, exported, StringComparison.Ordinal);
        Assert.Contains(pseudonym, exported, StringComparison.Ordinal);
        Assert.DoesNotContain(Name, (await Api.GetAsync(treasurer, "/api/approvals?status=all")).Body!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Name, (await Api.GetAsync(treasurer, "/api/notifications")).Body!.ToJsonString(), StringComparison.Ordinal);
    }

    private static string Describe(AuditEntry r) =>
        r.Action + " " + r.Outcome.ToString().ToLowerInvariant() + (r.Outcome == AuditOutcome.Refused ? " " + JsonNode.Parse(r.Detail)!["code"]!.GetValue<string>() : "");

    private async Task<long> HeadAsync() => (await AuditAfterAsync(0))[^1].Sequence;

    private Task<IReadOnlyList<AuditEntry>> AuditAfterAsync(long after) =>
        Factory.Services.GetRequiredService<IAuditLog>().ReadAsync(after, 100_000, CancellationToken.None);

    private static async Task<List<string>> NotificationKindsAsync(HttpClient admin)
    {
        var (_, notifications) = await Api.GetAsync(admin, "/api/admin/notifications");
        return [.. notifications!.AsArray().Select(n => n!["kind"]!.GetValue<string>())];
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> PutPolicyAsync(HttpClient client, object body)
    {
        using var response = await client.PutAsJsonAsync(new Uri("/api/orgs/me/policy", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
    }
}
