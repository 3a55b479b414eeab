extern alias cli;

using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Identity;
using TreasuryArena.Infrastructure.Platform;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Tests.Support;
using CliHost = cli::TreasuryArena.Cli.CliHost;

namespace TreasuryArena.Server.Tests.Approvals;

/// <summary>
/// Issue 21, two-person approval: a member's trade above the organisation's threshold (here 5,000 USD) awaits a second,
/// different treasurer (202 <c>awaiting_second_approval</c>); the requester approving it again is refused
/// <c>same_approver</c>, a viewer <c>role_forbidden</c>; the second treasurer's approval executes it exactly once;
/// rejection and expiry execute nothing and are audited and notified. The same flow through the CLI (<c>--as-key</c>)
/// gives the same outcomes and the same <c>approval.*</c> audit records. Run on SQLite and PostgreSQL.
/// </summary>
public abstract class DualControlSuite : ServerTestBase
{
    private static readonly Dictionary<string, string?> Threshold = new() { ["Approvals:DefaultThresholdUsd"] = "5000" };

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings) { ["Approvals:DefaultThresholdUsd"] = "5000" };

    [DbFact]
    public async Task TradeAboveThreshold_SecondTreasurerExecutesOnce_ApiAndCliSameOutcomesAndAudit()
    {
        var api = await ApiFlowAsync();
        var cli = await CliFlowAsync();
        string[] expected =
        [
            "approval.request done",
            "approval.approve refused same_approver",
            "approval.approve refused role_forbidden",
            "approval.approve done",
            "approval.approve refused approval_closed",
        ];
        Assert.Equal(expected, api.Audit);
        Assert.Equal(expected, cli.Audit);
        Assert.Equal(api.Outcomes, cli.Outcomes);
        Assert.Equal(["ok", "awaiting_second_approval", "listed", "same_approver", "role_forbidden", "executed", "approval_closed"], api.Outcomes);

        // One trade of 6,000 and one of 1,000 (below the threshold): the second approval traded once.
        Assert.Equal(43_000m, api.Cash);
        Assert.Equal(43_000m, cli.Cash);
    }

    [DbFact]
    public async Task Rejection_And_Expiry_ExecuteNothing_AuditedAndNotified()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var org = await Api.OnboardAsync(Factory, "Reject Church");
        var second = await Api.IssueKeyAsync(admin, org.OrganisationId, "Reject Church second treasurer", "treasurer");
        using var t1 = Factory.ClientWithKey(org.TreasurerKey);
        using var t2 = Factory.ClientWithKey(second);
        var address = await Trading.CreateWalletAsync(t1, 50_000m);

        var (s1, rejectMe, _) = await Api.PostAsync(t1, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 6_000m });
        Assert.Equal(HttpStatusCode.Accepted, s1);
        var rejectId = rejectMe!["id"]!.GetValue<string>();
        var (rejected, rejectBody, _) = await Api.PostAsync(t2, $"/api/approvals/{rejectId}/reject", new { reason = "not this quarter" });
        Assert.Equal(HttpStatusCode.OK, rejected);
        Assert.Equal("rejected", rejectBody!["status"]!.GetValue<string>());
        var (late, lateBody, _) = await Api.PostAsync(t2, $"/api/approvals/{rejectId}/approve", new { });
        Assert.Equal(HttpStatusCode.Conflict, late);
        Assert.Equal("approval_closed", lateBody!["code"]!.GetValue<string>());

        var (s2, expireMe, _) = await Api.PostAsync(t1, "/api/tokens/sell", new { address, symbol = "ALPHA", shares = 1m });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, s2); // nothing held yet: the desk refuses, never queued
        var (s3, expireBuy, _) = await Api.PostAsync(t1, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 7_000m });
        Assert.Equal(HttpStatusCode.Accepted, s3);
        var expireId = expireBuy!["id"]!.GetValue<string>();
        Factory.Clock.Advance(TimeSpan.FromHours(73));
        var (ran, _, _) = await Api.PostAsync(admin, "/api/admin/jobs/approval-expiry/run", new { });
        Assert.Equal(HttpStatusCode.OK, ran);
        var (_, expiredList) = await Api.GetAsync(t1, "/api/approvals?status=expired");
        Assert.Contains(expiredList!.AsArray(), a => a!["id"]!.GetValue<string>() == expireId);
        var (tooLate, tooLateBody, _) = await Api.PostAsync(t2, $"/api/approvals/{expireId}/approve", new { });
        Assert.Equal(HttpStatusCode.Conflict, tooLate);
        Assert.Equal("approval_closed", tooLateBody!["code"]!.GetValue<string>());
        var (_, awaiting) = await Api.GetAsync(t1, "/api/approvals");
        Assert.Empty(awaiting!.AsArray());

        Assert.Equal(50_000m, Trading.Cash(await Trading.StatusAsync(t1, address)));
        var records = await Factory.Services.GetRequiredService<IAuditLog>().ReadAsync(0, 10_000, CancellationToken.None);
        Assert.Contains(records, r => r.Action == "approval.reject" && r.Subject == rejectId && r.Outcome == AuditOutcome.Done);
        Assert.Contains(records, r => r.Action == "approval.expire" && r.Subject == expireId && r.Outcome == AuditOutcome.Done);
        var (_, notifications) = await Api.GetAsync(admin, "/api/admin/notifications");
        var kinds = notifications!.AsArray().Select(n => n!["kind"]!.GetValue<string>()).ToList();
        Assert.Contains("second_approval_needed", kinds);
        Assert.Contains("approval_rejected", kinds);
        Assert.Contains("approval_expired", kinds);
    }

    private sealed record Flow(List<string> Outcomes, List<string> Audit, decimal Cash);

    private async Task<Flow> ApiFlowAsync()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var org = await Api.OnboardAsync(Factory, "Dual Church");
        var second = await Api.IssueKeyAsync(admin, org.OrganisationId, "Dual Church second treasurer", "treasurer");
        using var t1 = Factory.ClientWithKey(org.TreasurerKey);
        using var t2 = Factory.ClientWithKey(second);
        using var viewer = Factory.ClientWithKey(org.ViewerKey);
        var address = await Trading.CreateWalletAsync(t1, 50_000m);
        var audit = Factory.Services.GetRequiredService<IAuditLog>();
        var head = (await audit.ReadAsync(0, 100_000, CancellationToken.None))[^1].Sequence;
        var outcomes = new List<string>();

        var (below, _, _) = await Api.PostAsync(t1, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 1_000m });
        outcomes.Add(below == HttpStatusCode.OK ? "ok" : below.ToString());
        var (above, pending, _) = await Api.PostAsync(t1, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 6_000m });
        Assert.Equal(HttpStatusCode.Accepted, above);
        outcomes.Add(pending!["status"]!.GetValue<string>());
        Assert.Equal("trade", pending["kind"]!.GetValue<string>());
        Assert.StartsWith("member-", pending["requested_by"]!.GetValue<string>(), StringComparison.Ordinal); // the stored actor is pseudonymous
        Assert.Equal(Factory.Clock.GetUtcNow().AddHours(72), pending["expires_at"]!.GetValue<DateTimeOffset>());
        var id = pending["id"]!.GetValue<string>();
        var (_, list) = await Api.GetAsync(t2, "/api/approvals");
        Assert.StartsWith("Dual Church treasurer (treasurer", list!.AsArray().Single(a => a!["id"]!.GetValue<string>() == id)!["requested_by_name"]!.GetValue<string>(), StringComparison.Ordinal);
        outcomes.Add(list!.AsArray().Any(a => a!["id"]!.GetValue<string>() == id) ? "listed" : "missing");

        foreach (var client in new[] { t1, viewer, t2, t2 })
        {
            var (status, body, _) = await Api.PostAsync(client, $"/api/approvals/{id}/approve", new { });
            outcomes.Add(status == HttpStatusCode.OK ? body!["approval"]!["status"]!.GetValue<string>() : body!["code"]!.GetValue<string>());
        }

        var cash = Trading.Cash(await Trading.StatusAsync(t1, address));
        return new Flow(outcomes, await ApprovalAuditAsync(audit, head), cash);
    }

    private async Task<Flow> CliFlowAsync()
    {
        await using var db = await TestDatabase.CreateAsync(UsePostgres);
        var disclosure = Path.GetTempFileName();
        await File.WriteAllTextAsync(disclosure, "Strategy tokens can lose value. Version v1");
        CliHost.FlowSettings.Value = Threshold;
        try
        {
            async Task<(int Code, string Out)> Cli(params string[] args)
            {
                var (code, output, err) = await InProcessArena.RunAsync([.. args, "--db", db.Connection]);
                Assert.True(code is 0 or 4 or 5, $"arena {string.Join(' ', args)}: exit {code}: {err}");
                return (code, output);
            }

            await Cli("org", "create", "Dual Church", "--type", "church", "--plan", "premium");
            await Cli("org", "verify", "Dual Church", "--entity-type", "501(c)(3) church", "--registration", "EIN 12-3456789", "--reviewer", "compliance officer");
            await Cli("admin", "disclose", "--version", "v1", "--file", disclosure);
            await Cli("org", "attest", "Dual Church", "--signer", "Jane Treasurer", "--version", "v1");
            await Cli("tokens", "issue", "--strategy", "ma-trend", "--symbol", "ALPHA");
            await Cli("tokens", "activate", "ALPHA", "--reason", "dual control");
            var database = await ArenaDatabase.OpenAsync(db.Connection, TimeProvider.System);
            string t1, t2, viewer;
            await using (var keysAudit = new SqlAuditLog(new PlatformDatabase(database), TimeProvider.System))
            {
                var store = new SqlIdentityStore(new PlatformDatabase(database));
                var identity = new IdentityService(store, keysAudit, TimeProvider.System);
                var org = (await store.FindOrganisationByNameAsync("Dual Church", CancellationToken.None))!;
                t1 = (await identity.IssueKeyAsync(Caller.Operator("test"), org.Id, "Dual Church treasurer", Role.Treasurer, CancellationToken.None)).Key;
                t2 = (await identity.IssueKeyAsync(Caller.Operator("test"), org.Id, "Dual Church second treasurer", Role.Treasurer, CancellationToken.None)).Key;
                viewer = (await identity.IssueKeyAsync(Caller.Operator("test"), org.Id, "Dual Church viewer", Role.Viewer, CancellationToken.None)).Key;
            }

            var (_, created) = await Cli("wallet", "create", "--org", "Dual Church", "--mode", "MANUAL", "--risk", "MODERATE", "--as-key", t1);
            var address = created.Trim().Split('\n')[^1].Trim();
            if (address.StartsWith('{'))
            {
                address = JsonNode.Parse(address)!["address"]!.GetValue<string>();
            }

            await Cli("wallet", "deposit", "--wallet", address, "--amount", "50000", "--as-key", t1);
            await using var audit = new SqlAuditLog(new PlatformDatabase(database), TimeProvider.System);
            var head = (await audit.ReadAsync(0, 100_000, CancellationToken.None))[^1].Sequence;
            var outcomes = new List<string>();
            var (below, _) = await Cli("wallet", "buy", "--wallet", address, "--symbol", "ALPHA", "--amount", "1000", "--as-key", t1);
            outcomes.Add(below == 0 ? "ok" : "exit " + below);
            var (_, pendingOut) = await Cli("wallet", "buy", "--wallet", address, "--symbol", "ALPHA", "--amount", "6000", "--as-key", t1);
            var pending = JsonNode.Parse(pendingOut)!;
            outcomes.Add(pending["status"]!.GetValue<string>());
            var id = pending["id"]!.GetValue<string>();
            var (_, listOut) = await Cli("approvals", "--as-key", t2);
            outcomes.Add(JsonNode.Parse(listOut)!.AsArray().Any(a => a!["id"]!.GetValue<string>() == id) ? "listed" : "missing");
            var codes = new Dictionary<int, string> { [4] = "same_approver", [5] = "role_forbidden" };
            var n = 0;
            foreach (var key in new[] { t1, viewer, t2, t2 })
            {
                var (code, output) = await Cli("approvals", "approve", "--id", id, "--as-key", key);
                n++;
                outcomes.Add(code == 0 ? JsonNode.Parse(output)!["approval"]!["status"]!.GetValue<string>() : n == 4 && code == 4 ? "approval_closed" : codes.GetValueOrDefault(code, "exit " + code));
            }

            await using var ledger = await database.OpenLedgerAsync(TimeProvider.System);
            return new Flow(outcomes, await ApprovalAuditAsync(audit, head), ledger.GetWallet(address)!.Cash.Amount);
        }
        finally
        {
            CliHost.FlowSettings.Value = null;
            File.Delete(disclosure);
        }
    }

    /// <summary>The <c>approval.*</c> records after <paramref name="after"/>, as "action outcome[ code]".</summary>
    private static async Task<List<string>> ApprovalAuditAsync(IAuditLog audit, long after) =>
        [.. (await audit.ReadAsync(after, 10_000, CancellationToken.None))
            .Where(r => r.Action.StartsWith("approval.", StringComparison.Ordinal))
            .Select(r => r.Action + " " + r.Outcome.ToString().ToLowerInvariant()
                + (r.Outcome == AuditOutcome.Refused ? " " + JsonNode.Parse(r.Detail)!["code"]!.GetValue<string>() : ""))];
}
