using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Ports;
using TreasuryArena.Core.Reporting;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>Issue 21: <c>GET /api/reports/board</c>, the quarterly board report (HTML and PDF), on both databases.</summary>
public abstract partial class ApiSuite
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>An organisation with a funded wallet that bought a token; returns the organisation, the wallet and the quarter of the platform date.</summary>
    private async Task<(Api.Onboarded Org, string Wallet, string Quarter)> BoardFixtureAsync(string name)
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "BRDA");
        var org = await Api.OnboardAsync(Factory, name);
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var wallet = await Trading.CreateWalletAsync(treasurer, 10_000m);
        var (bought, buy, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address = wallet, symbol = "BRDA", amount = 2_000m });
        Assert.True(bought == HttpStatusCode.OK, buy?.ToJsonString());
        var today = Factory.Services.GetRequiredService<IBusinessClock>().Today;
        return (org, wallet, ReportQuarter.Of(today).ToString());
    }

    private static string Section(string html, string id)
    {
        var m = Regex.Match(html, $"<section id=\"{id}\"[^>]*>(.*?)</section>", RegexOptions.Singleline);
        Assert.True(m.Success, $"the report has a {id} section");
        return m.Groups[1].Value;
    }

    [DbFact]
    public async Task Board_ViewerAndTreasurer_GetTheHtmlReportWithLedgerFiguresInEverySection()
    {
        var (org, wallet, quarter) = await BoardFixtureAsync("Board Report Church");
        using var viewer = Factory.ClientWithKey(org.ViewerKey);
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);

        var response = await viewer.GetAsync(new Uri($"/api/reports/board?quarter={quarter}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("style-src 'unsafe-inline'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await treasurer.GetAsync(new Uri($"/api/reports/board?quarter={quarter}", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);

        // Fees: the wallet's fee entries in the ledger within the quarter, by valuation date.
        var journal = Factory.Services.GetRequiredService<ArenaDatabase>().CreateLedgerJournal();
        var account = LedgerAccount.Wallet(wallet);
        var q = ReportQuarter.TryParse(quarter, out var parsed) ? parsed : throw new InvalidOperationException(quarter);
        decimal tradeFees = 0m, cash = 0m;
        await foreach (var e in journal.ReadEntriesAsync(CancellationToken.None))
        {
            if (e.Kind == EntryKind.Fee && e.From == account && e.BusinessDate >= q.First && e.BusinessDate <= q.Last)
            {
                tradeFees += e.Amount;
            }

            if (e.Unit.IsCash && (e.To == account || e.From == account))
            {
                cash += e.To == account ? e.Amount : -e.Amount;
            }
        }

        Assert.Equal(20m, tradeFees); // 1% of the 2,000 USD buy
        var fees = Section(html, "fees");
        Assert.Contains("Trade fees</th><td class=\"n\">" + tradeFees.ToString("#,0.00", Inv) + " USD", fees, StringComparison.Ordinal);
        Assert.Contains("Total</th><td class=\"n\">" + tradeFees.ToString("#,0.00", Inv) + " USD", fees, StringComparison.Ordinal); // a fresh token charges no management fee yet

        // Performance: the wallet's row, and its value at the close is the wallet's status value.
        var status = await Trading.StatusAsync(viewer, wallet);
        var value = status["value"]!.GetValue<decimal>();
        var performance = Section(html, "performance");
        Assert.Contains(wallet, performance, StringComparison.Ordinal);
        Assert.Contains(value.ToString("N2", Inv), performance, StringComparison.Ordinal);
        Assert.Contains("60/40 BTC/T-bill", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", performance, StringComparison.Ordinal); // one day since the wallet opened: no chart (the demo's quarter has one)

        // Holdings and liquidity: the ledger's cash; no monthly expenses without an IPS.
        Assert.Equal(8_000m, cash);
        Assert.Contains("BRDA", Section(html, "holdings"), StringComparison.Ordinal);
        var liquidity = Section(html, "liquidity");
        Assert.Contains(cash.ToString("#,0.00", Inv) + " USD", liquidity, StringComparison.Ordinal);
        Assert.Contains("not set", liquidity, StringComparison.Ordinal);
        Assert.Contains("No breaches", Section(html, "compliance"), StringComparison.Ordinal);
        Assert.Contains("No decisions", Section(html, "decisions"), StringComparison.Ordinal);
        var summary = Section(html, "summary");
        Assert.Contains("1 wallet held " + value.ToString("N2", Inv) + " USD", summary, StringComparison.Ordinal);
        Assert.Contains("Fees paid this quarter came to " + tradeFees.ToString("N2", Inv) + " USD", summary, StringComparison.Ordinal);
    }

    [DbFact]
    public async Task Board_FormatPdf_IsAPdfPrintedByChromium()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is installed at /usr/bin/chromium");
        var (org, _, quarter) = await BoardFixtureAsync("Board Pdf Church");
        using var viewer = Factory.ClientWithKey(org.ViewerKey);

        var response = await viewer.GetAsync(new Uri($"/api/reports/board?quarter={quarter}&format=pdf", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.True(bytes.Length > 1000, $"{bytes.Length} bytes");
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
    }

    [DbFact]
    public async Task Board_OtherOrganisation_IsNotFound_AndAnAdminNamesTheOrganisation()
    {
        var (org, _, quarter) = await BoardFixtureAsync("Board Owner Church");
        var other = await Api.OnboardAsync(Factory, "Board Other Church");
        using var outsider = Factory.ClientWithKey(other.TreasurerKey);
        using var admin = Admin();
        using var anonymous = Factory.ClientWithKey(null);

        var (foreign, problem) = await Api.GetAsync(outsider, $"/api/reports/board?quarter={quarter}&organisation_id={org.OrganisationId}");
        Assert.Equal(HttpStatusCode.NotFound, foreign);
        Assert.Equal("organisation_not_found", problem!["code"]!.GetValue<string>());
        var own = await (await outsider.GetAsync(new Uri($"/api/reports/board?quarter={quarter}", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("Board Other Church", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Board Owner Church", own, StringComparison.Ordinal);

        var (noOrg, p) = await Api.GetAsync(admin, $"/api/reports/board?quarter={quarter}");
        Assert.Equal(HttpStatusCode.BadRequest, noOrg);
        Assert.Contains("organisation_id", p!.ToJsonString(), StringComparison.Ordinal);
        var byAdmin = await admin.GetAsync(new Uri($"/api/reports/board?quarter={quarter}&organisation_id={org.OrganisationId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.Contains("Board Owner Church", await byAdmin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.GetAsync(anonymous, $"/api/reports/board?quarter={quarter}")).Status);
    }

    [DbFact]
    public async Task Board_BadQuarterOrFormat_IsAProblemNamingTheParameter()
    {
        var org = await Api.OnboardAsync(Factory, "Board Bad Query Church");
        using var viewer = Factory.ClientWithKey(org.ViewerKey);
        var today = Factory.Services.GetRequiredService<IBusinessClock>().Today;
        var next = ReportQuarter.Of(today.AddMonths(3));
        foreach (var (query, field) in new[]
        {
            ("quarter=2025Q5", "quarter"),
            ("quarter=2025-07", "quarter"),
            ("quarter=Q3", "quarter"),
            ("quarter=1999Q1", "quarter"),
            ($"quarter={next}", "quarter"),
            ("quarter=2025Q3&format=docx", "format"),
            ("quarter=2025Q3&organisation_id=not-a-guid", "organisation_id"),
        })
        {
            var (status, problem) = await Api.GetAsync(viewer, "/api/reports/board?" + query);
            Assert.True(status == HttpStatusCode.BadRequest, $"{query}: {status} {problem}");
            Assert.Contains(field, problem!.ToJsonString(), StringComparison.Ordinal);
        }
    }
}
