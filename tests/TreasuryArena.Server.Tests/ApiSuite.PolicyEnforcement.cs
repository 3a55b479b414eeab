using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Core.Ports;
using TreasuryArena.Core.Reporting;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>
/// Issue 21: the optimizer solves inside the organisation's IPS (or refuses naming the clause), and market-move breaches
/// are recorded, listed (API, CLI) and shown in the board report, on SQLite and PostgreSQL.
/// </summary>
public abstract partial class ApiSuite
{
    private static readonly string[] BuyAndHoldOnly = ["buy-and-hold"];

    [DbFact]
    public async Task PolicyEnforcement_FullAiRebalance_SolvesInsideTheIps_ThenBreachesAreRecordedListedAndReported()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "IPSA");
        var org = await Api.OnboardAsync(Factory, "Enforced Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        using var viewer = Factory.ClientWithKey(org.ViewerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 10_000m, mode: "full_ai", risk: "aggressive");

        var (_, free) = await Api.GetAsync(treasurer, $"/api/wallet/{address}/suggested");
        var unconstrained = free!["target_weights"]!["IPSA"]?.GetValue<decimal>() ?? 0m;
        Assert.True(unconstrained > 0.08m, free.ToJsonString());

        // The IPS: IPSA at most 8%, two months of $1,000 kept in cash.
        var (put, _) = await PutPolicyAsync(treasurer, new { max_token_weight = 0.08m, liquidity_reserve_months = 2m, monthly_expenses = 1_000m });
        Assert.Equal(HttpStatusCode.OK, put);
        var (_, inside) = await Api.GetAsync(treasurer, $"/api/wallet/{address}/suggested");
        Assert.InRange(inside!["target_weights"]!["IPSA"]!.GetValue<decimal>(), 0.01m, 0.08m);
        Assert.Contains("max_token_weight 8%", inside["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(inside["policy_refusal"]);

        // A manual buy inside the policy (7%); the CLI's suggestion is the same solve as the API's.
        var (bought, buy, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "IPSA", amount = 700m });
        Assert.True(bought == HttpStatusCode.OK, buy?.ToJsonString());
        var (_, review) = await Api.GetAsync(viewer, "/api/orgs/me/policy/breaches");
        Assert.True(review!["compliant"]!.GetValue<bool>(), review.ToJsonString());
        var (sgCode, sgOut, sgErr) = await InProcessArena.RunAsync(["wallet", "suggest", "--db", Database.Connection, "--wallet", address, "--json"]);
        Assert.True(sgCode == 0, sgErr);
        Assert.Contains("max_token_weight 8%", JsonNode.Parse(sgOut)!["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        // A policy that allows no strategy the platform has: the optimizer refuses, naming the clause; nothing trades.
        Assert.Equal(HttpStatusCode.OK, (await PutPolicyAsync(treasurer, new { allowed_strategies = BuyAndHoldOnly })).Status);
        var (_, refused) = await Api.GetAsync(treasurer, $"/api/wallet/{address}/suggested");
        Assert.Equal("allowed_strategies", refused!["policy_refusal"]!["clause"]!.GetValue<string>());
        Assert.Contains("Refused by the organisation's investment policy", refused["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(refused["orders"]!.AsArray());
        var (cliCode, cliOut, cliErr) = await InProcessArena.RunAsync(["wallet", "suggest", "--db", Database.Connection, "--wallet", address, "--json"]);
        Assert.True(cliCode == 0, cliErr);
        Assert.Contains("allowed_strategies", JsonNode.Parse(cliOut)!["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        // The board tightens the cap below the holdings (as a market move would push them): the daily scan after the
        // NAV step records the breach with its remedy; the API and the CLI list it, the board report shows it.
        Assert.Equal(HttpStatusCode.OK, (await PutPolicyAsync(treasurer, new { allowed_strategies = Array.Empty<string>(), max_token_weight = 0.02m })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/jobs/nav-step/run", new { })).Status);
        var (_, listed) = await Api.GetAsync(viewer, "/api/orgs/me/policy/breaches");
        var recorded = listed!["recorded"]!.AsArray().Single(b => b!["clause"]!.GetValue<string>() == "max_token_weight")!;
        Assert.Equal("IPSA", recorded["symbol"]!.GetValue<string>());
        Assert.Equal(0.02m, recorded["limit"]!.GetValue<decimal>());
        Assert.Matches(new Regex("^sell about \\$[0-9,.]+ of IPSA$"), recorded["remedy"]!.GetValue<string>());
        var today = Factory.Services.GetRequiredService<IBusinessClock>().Today;
        Assert.Equal(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), recorded["as_of"]!.GetValue<string>());

        var (brCode, brOut, _) = await InProcessArena.RunAsync(["policy", "breaches", "--db", Database.Connection, "--org", "Enforced Church", "--json"]);
        Assert.Equal(0, brCode);
        Assert.Contains(JsonNode.Parse(brOut)!["recorded"]!.AsArray(), b => b!["clause"]!.GetValue<string>() == "max_token_weight" && b["symbol"]!.GetValue<string>() == "IPSA");

        var html = await (await viewer.GetAsync(new Uri($"/api/reports/board?quarter={ReportQuarter.Of(today)}", UriKind.Relative))).Content.ReadAsStringAsync();
        var compliance = Regex.Match(html, "<section id=\"compliance\"[^>]*>(.*?)</section>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("max_token_weight", compliance, StringComparison.Ordinal);
        Assert.Contains("of IPSA", compliance, StringComparison.Ordinal);
        Assert.DoesNotContain("No breaches of the investment policy were recorded", compliance, StringComparison.Ordinal);
    }
}
