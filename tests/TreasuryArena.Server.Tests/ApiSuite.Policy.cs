using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>The Investment Policy Statement (issue 21) through the API and the CLI over one database.</summary>
public abstract partial class ApiSuite
{
    [DbFact]
    public async Task Policy_PutPartial_KeepsOtherClauses_AndBuyOverTokenWeight_IsRefusedNamingTheClause()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var org = await Api.OnboardAsync(Factory, "Policy Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        using var viewer = Factory.ClientWithKey(org.ViewerKey);
        using var trustee = Factory.ClientWithKey(await Api.IssueKeyAsync(admin, org.OrganisationId, "Policy Church trustee", "approver"));
        var address = await Trading.CreateWalletAsync(treasurer, 10_000m);

        var (got, initial) = await Api.GetAsync(viewer, "/api/orgs/me/policy");
        Assert.Equal(HttpStatusCode.OK, got);
        Assert.Equal(0, initial!["version"]!.GetValue<int>());
        Assert.True(initial["is_default"]!.GetValue<bool>());
        Assert.Equal(1m, initial["policy"]!["max_token_weight"]!.GetValue<decimal>());

        Assert.Equal(HttpStatusCode.Forbidden, (await PutPolicyAsync(viewer, new { max_token_weight = 0.2m })).Status);
        var (put, set) = await SetPolicyAsync(treasurer, trustee, new { max_token_weight = 0.2m, benchmark = "T-bill" });
        Assert.True(put == HttpStatusCode.OK, set?.ToJsonString());
        Assert.Equal("policy version 1 set (max_token_weight, benchmark)", set!["approval"]!["result"]!.GetValue<string>());
        var (_, now) = await Api.GetAsync(viewer, "/api/orgs/me/policy");
        Assert.Equal(0.2m, now!["policy"]!["max_token_weight"]!.GetValue<decimal>());
        Assert.Equal("T-bill", now["policy"]!["benchmark"]!.GetValue<string>());
        Assert.Equal(1m, now["policy"]!["max_volatile_share"]!.GetValue<decimal>());
        Assert.Contains("treasurer", now["author"]!.GetValue<string>(), StringComparison.Ordinal);

        var (bad, problem) = await PutPolicyAsync(treasurer, new { max_volatile_share = 1.5m });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Equal("invalid_policy", problem!["code"]!.GetValue<string>());
        Assert.Contains("max_volatile_share", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await PutPolicyAsync(treasurer, new { benchmark = "S&P 500" })).Status);

        var (refused, body, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 3_000m });
        Assert.Equal((HttpStatusCode)422, refused);
        Assert.Equal("policy_breach", body!["code"]!.GetValue<string>());
        Assert.Equal("max_token_weight: ALPHA would be 30% of the organisation's holdings, the policy allows 20%", body["detail"]!.GetValue<string>());
        Assert.Equal(10_000m, Trading.Cash(await Trading.StatusAsync(treasurer, address)));

        var (cliCode, _, cliErr) = await InProcessArena.RunAsync(["wallet", "buy", "--db", Database.Connection, "--wallet", address, "--symbol", "ALPHA", "--amount", "3000"]);
        Assert.Equal(5, cliCode);
        Assert.Contains("max_token_weight: ALPHA would be 30%", cliErr, StringComparison.Ordinal);

        var (ok, _, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 1_000m });
        Assert.Equal(HttpStatusCode.OK, ok);
        var (_, clean) = await Api.GetAsync(viewer, "/api/orgs/me/policy/breaches");
        Assert.True(clean!["compliant"]!.GetValue<bool>(), clean.ToJsonString());

        // The board tightens the cap below what the holdings already are: a breach with a remedy, not a refusal of the change.
        Assert.Equal(HttpStatusCode.OK, (await SetPolicyAsync(treasurer, trustee, new { max_token_weight = 0.05m })).Status);
        var (_, breaches) = await Api.GetAsync(viewer, "/api/orgs/me/policy/breaches");
        var breach = breaches!["breaches"]!.AsArray().Single()!;
        Assert.Equal("max_token_weight", breach["clause"]!.GetValue<string>());
        Assert.Equal("ALPHA", breach["symbol"]!.GetValue<string>());
        Assert.Equal(0.05m, breach["limit"]!.GetValue<decimal>());
        Assert.InRange(breach["measured"]!.GetValue<decimal>(), 0.09m, 0.1m);
        Assert.StartsWith("sell about $", breach["remedy"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [DbFact]
    public async Task PolicyCli_SetPartialYaml_ShowsMergedVersion_ListsBreaches_AndReportsLineErrors()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var org = await Api.OnboardAsync(Factory, "Policy Cli Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 10_000m);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 2_000m })).Status);
        var dir = Directory.CreateTempSubdirectory("ips-");
        try
        {
            var good = Path.Combine(dir.FullName, "ips.yaml");
            await File.WriteAllTextAsync(good, "# partial\nmin_tokens: 3\nliquidity_reserve_months: 6\nmonthly_expenses: 1500\n");
            var (setCode, setOut, setErr) = await InProcessArena.RunAsync(["policy", "set", "--db", Database.Connection, "--org", "Policy Cli Church", "--file", good, "--json"]);
            Assert.True(setCode == 0, setErr);
            Assert.Equal(1, JsonNode.Parse(setOut)!["version"]!.GetValue<int>());

            var (showCode, showOut, _) = await InProcessArena.RunAsync(["policy", "show", "--db", Database.Connection, "--org", "Policy Cli Church", "--json"]);
            Assert.Equal(0, showCode);
            var shown = JsonNode.Parse(showOut)!["policy"]!;
            Assert.Equal(3, shown["min_tokens"]!.GetValue<int>());
            Assert.Equal(1m, shown["max_token_weight"]!.GetValue<decimal>());

            var (_, apiView) = await Api.GetAsync(treasurer, "/api/orgs/me/policy");
            Assert.Equal(6m, apiView!["policy"]!["liquidity_reserve_months"]!.GetValue<decimal>());

            var (brCode, brOut, _) = await InProcessArena.RunAsync(["policy", "breaches", "--db", Database.Connection, "--org", "Policy Cli Church", "--json"]);
            Assert.Equal(0, brCode);
            var listed = JsonNode.Parse(brOut)!["breaches"]!.AsArray();
            Assert.Contains(listed, b => b!["clause"]!.GetValue<string>() == "min_tokens" && b["measured"]!.GetValue<decimal>() == 1m && b["limit"]!.GetValue<decimal>() == 3m);
            Assert.Contains(listed, b => b!["clause"]!.GetValue<string>() == "liquidity_reserve_months" && b["limit"]!.GetValue<decimal>() == 9_000m);

            // The reserve clause refuses a buy that would eat into it, API and CLI alike.
            var (refused, body, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 100m });
            Assert.Equal((HttpStatusCode)422, refused);
            Assert.StartsWith("liquidity_reserve_months:", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);

            var bad = Path.Combine(dir.FullName, "bad.yaml");
            await File.WriteAllTextAsync(bad, "min_tokens: 2\n\nmax_volatile_share: 140%\n");
            var (badCode, _, badErr) = await InProcessArena.RunAsync(["policy", "set", "--db", Database.Connection, "--org", "Policy Cli Church", "--file", bad]);
            Assert.Equal(2, badCode);
            Assert.Contains("bad.yaml:3: max_volatile_share: must be a fraction between 0 and 1", badErr, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>A member's change (202, awaiting a second approval) approved by another member: the approval's answer.</summary>
    private static async Task<(HttpStatusCode Status, JsonNode? Body)> SetPolicyAsync(HttpClient requester, HttpClient approver, object body)
    {
        var (put, pending) = await PutPolicyAsync(requester, body);
        Assert.True(put == HttpStatusCode.Accepted, pending?.ToJsonString());
        var (status, decision, _) = await Api.PostAsync(approver, $"/api/approvals/{pending!["id"]!.GetValue<string>()}/approve", new { });
        return (status, decision);
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> PutPolicyAsync(HttpClient client, object body)
    {
        using var response = await client.PutAsJsonAsync(new Uri("/api/orgs/me/policy", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
    }
}
