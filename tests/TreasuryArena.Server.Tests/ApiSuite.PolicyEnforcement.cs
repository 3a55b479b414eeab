using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Core.Ports;
using TreasuryArena.Core.Reporting;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>
/// Issue 21: market-move breaches are recorded by the daily scan after the NAV step, listed (API, CLI) and shown in the
/// board report, on SQLite and PostgreSQL.
/// </summary>
public abstract partial class ApiSuite
{
    [DbFact]
    public async Task PolicyEnforcement_MarketMoveBreach_RecordedByTheDailyScan_ListedByApiAndCli_AndInTheBoardReport()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "IPSA");
        var org = await Api.OnboardAsync(Factory, "Enforced Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        using var viewer = Factory.ClientWithKey(org.ViewerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 10_000m);
        var (bought, buy, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "IPSA", amount = 700m });
        Assert.True(bought == HttpStatusCode.OK, buy?.ToJsonString());

        // The board tightens the cap below the holdings (as a market move would push them; here the operator's policy set): the daily scan after the
        // NAV step records the breach with its remedy; the API and the CLI list it, the board report shows it.
        // The operator's `policy set` acts at once (a member's PUT would wait for a second approval).
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "max_token_weight: 0.02\n");
            var (setCode, _, setErr) = await InProcessArena.RunAsync(["policy", "set", "--db", Database.Connection, "--org", "Enforced Church", "--file", file]);
            Assert.True(setCode == 0, setErr);
        }
        finally
        {
            File.Delete(file);
        }

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
