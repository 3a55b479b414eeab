using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Ports;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>
/// Issue 22, the server side of the dashboard journey: named wallets, monthly statements (HTML, CSV, PDF), the
/// transactions as CSV, the daily report over HTTP and the admin and attestation routes the dashboard drives.
/// </summary>
public abstract partial class ApiSuite
{
    /// <summary>A named wallet funded with 10,000 USD that bought 2,000 USD of a token; returns the organisation and the wallet.</summary>
    private async Task<(Api.Onboarded Org, string Wallet)> NamedWalletAsync(string organisation, string symbol, string name = "Building fund")
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, symbol);
        var org = await Api.OnboardAsync(Factory, organisation);
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var (created, body, _) = await Api.PostAsync(treasurer, "/api/wallet/create", new { mode = "manual", risk_tolerance = "moderate", name });
        Assert.True(created == HttpStatusCode.Created, body?.ToJsonString());
        var wallet = body!["address"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(treasurer, "/api/wallet/deposit", new { address = wallet, amount = 10_000m })).Status);
        var (bought, buy, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address = wallet, symbol, amount = 2_000m });
        Assert.True(bought == HttpStatusCode.OK, buy?.ToJsonString());
        return (org, wallet);
    }

    private string StatementMonth() => Factory.Services.GetRequiredService<IBusinessClock>().Today.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    [DbFact]
    public async Task WalletCreate_WithName_IsShownInEveryListingWithTheOrganisationsName()
    {
        var org = await Api.OnboardAsync(Factory, "Named Wallet Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        using var viewer = Factory.ClientWithKey(org.ViewerKey);
        using var admin = Admin();

        var (created, body, _) = await Api.PostAsync(treasurer, "/api/wallet/create", new { mode = "manual", risk_tolerance = "moderate", name = "  Building fund  " });
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("Building fund", body!["name"]!.GetValue<string>());
        var address = body["address"]!.GetValue<string>();
        var unnamed = await Trading.CreateWalletAsync(treasurer, 0m);

        var (_, mine) = await Api.GetAsync(viewer, "/api/wallets");
        var listed = mine!.AsArray().Single(w => w!["address"]!.GetValue<string>() == address)!;
        Assert.Equal("Building fund", listed["name"]!.GetValue<string>());
        Assert.Equal("Named Wallet Church", listed["organisation"]!.GetValue<string>());
        Assert.Null(mine.AsArray().Single(w => w!["address"]!.GetValue<string>() == unnamed)!["name"]);

        var status = await Trading.StatusAsync(viewer, address);
        Assert.Equal("Building fund", status["name"]!.GetValue<string>());
        Assert.Equal("Named Wallet Church", status["organisation"]!.GetValue<string>());

        // The all-organisations list of an admin names each wallet's organisation.
        var other = await Api.OnboardAsync(Factory, "Other Named Church");
        using var otherTreasurer = Factory.ClientWithKey(other.TreasurerKey);
        var otherWallet = await Trading.CreateWalletAsync(otherTreasurer, 0m);
        var (_, all) = await Api.GetAsync(admin, "/api/wallets");
        var rows = all!.AsArray().ToDictionary(w => w!["address"]!.GetValue<string>(), w => w!["organisation"]?.GetValue<string>());
        Assert.Equal("Named Wallet Church", rows[address]);
        Assert.Equal("Other Named Church", rows[otherWallet]);

        // The free-text policy: control characters and over-long names are refused naming the field; nothing is created.
        var before = (await Api.GetAsync(viewer, "/api/wallets")).Body!.AsArray().Count;
        var (bad, problem, _) = await Api.PostAsync(treasurer, "/api/wallet/create", new { mode = "manual", name = "Fund\u001b[31m" });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Equal("invalid_free_text", problem!["code"]!.GetValue<string>());
        Assert.Contains("\"name\"", problem.ToJsonString(), StringComparison.Ordinal);
        var (tooLong, longProblem, _) = await Api.PostAsync(treasurer, "/api/wallet/create", new { mode = "manual", name = new string('x', 201) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong);
        Assert.Equal("invalid_name", longProblem!["code"]!.GetValue<string>());
        Assert.Equal(before, (await Api.GetAsync(viewer, "/api/wallets")).Body!.AsArray().Count);
    }

    [DbFact]
    public async Task Statement_HtmlAndCsv_NameTheOrganisationAndWallet_WithTheLedgersFigures()
    {
        var (org, wallet) = await NamedWalletAsync("Statement Api Church", "STMA");
        using var viewer = Factory.ClientWithKey(org.ViewerKey);
        var month = StatementMonth();
        var value = (await Trading.StatusAsync(viewer, wallet))["value"]!.GetValue<decimal>();

        var page = await viewer.GetAsync(new Uri($"/api/wallet/{wallet}/statement?month={month}", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Statement Api Church", html, StringComparison.Ordinal);
        Assert.Contains("Building fund", html, StringComparison.Ordinal);
        Assert.DoesNotContain(org.OrganisationId, html, StringComparison.Ordinal);
        Assert.Contains("Trade fees paid</th><td class=\"n\">20.00 USD", html, StringComparison.Ordinal);
        Assert.Contains(value.ToString("#,0.00", CultureInfo.InvariantCulture) + " USD", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);

        var csvResponse = await viewer.GetAsync(new Uri($"/api/wallet/{wallet}/statement?month={month}&format=csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".csv", csvResponse.Content.Headers.ContentDisposition?.FileName ?? "", StringComparison.Ordinal);
        var rows = (await csvResponse.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        Assert.Equal(["section", "date", "item", "token", "shares", "nav", "amount_usd", "fee_usd", "text"], rows[0]);
        string Text(string item) => rows.Single(r => r[0] == "statement" && r[2] == item)[8];
        decimal Amount(string section, string item) => decimal.Parse(rows.Single(r => r[0] == section && r[2] == item)[6], CultureInfo.InvariantCulture);
        Assert.Equal("Statement Api Church", Text("organisation"));
        Assert.Equal("Building fund", Text("wallet_name"));
        Assert.Equal(wallet, Text("wallet"));
        Assert.Equal(10_000m, Amount("summary", "deposits"));
        Assert.Equal(20m, Amount("fees", "trade"));
        Assert.Equal(value, Amount("summary", "closing_value"));
        var transactions = rows.Where(r => r[0] == "transaction").ToList();
        Assert.Equal(["Deposit", "Buy"], transactions.Select(r => r[2]));
        Assert.Equal(-2_000m, decimal.Parse(transactions[1][6], CultureInfo.InvariantCulture));
        Assert.Equal(20m, decimal.Parse(transactions[1][7], CultureInfo.InvariantCulture));
    }

    [DbFact]
    public async Task Statement_FormatPdf_IsPrintedByChromium()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is installed at /usr/bin/chromium");
        var (org, wallet) = await NamedWalletAsync("Statement Pdf Church", "STMP");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);

        var response = await treasurer.GetAsync(new Uri($"/api/wallet/{wallet}/statement?month={StatementMonth()}&format=pdf", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.True(bytes.Length > 1000, $"{bytes.Length} bytes");
    }

    [DbFact]
    public async Task Statement_BadMonthFormatOrOtherOrganisation_IsAProblem()
    {
        var (org, wallet) = await NamedWalletAsync("Statement Owner Church", "STMB");
        var other = await Api.OnboardAsync(Factory, "Statement Outsider Church");
        using var viewer = Factory.ClientWithKey(org.ViewerKey);
        using var outsider = Factory.ClientWithKey(other.ViewerKey);
        using var admin = Admin();
        var today = Factory.Services.GetRequiredService<IBusinessClock>().Today;
        var month = StatementMonth();

        foreach (var (query, field) in new[]
        {
            ("month=2025-13", "month"),
            ("month=last", "month"),
            ("month=" + today.AddMonths(2).ToString("yyyy-MM", CultureInfo.InvariantCulture), "month"),
            ("month=2000-01", "month"),
            ($"month={month}&format=docx", "format"),
        })
        {
            var (status, problem) = await Api.GetAsync(viewer, $"/api/wallet/{wallet}/statement?{query}");
            Assert.True(status == HttpStatusCode.BadRequest, $"{query}: {status} {problem}");
            Assert.Equal("invalid_query", problem!["code"]!.GetValue<string>());
            Assert.Contains($"\"{field}\"", problem.ToJsonString(), StringComparison.Ordinal);
        }

        var (foreign, notFound) = await Api.GetAsync(outsider, $"/api/wallet/{wallet}/statement?month={month}");
        Assert.Equal(HttpStatusCode.NotFound, foreign);
        Assert.Equal("wallet_not_found", notFound!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(viewer, $"/api/wallet/0x{new string('0', 40)}/statement?month={month}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri($"/api/wallet/{wallet}/statement?month={month}", UriKind.Relative))).StatusCode);
    }

    [DbFact]
    public async Task Transactions_FormatCsv_HoldsEveryOperationOfTheLedger()
    {
        var (org, wallet) = await NamedWalletAsync("Transactions Csv Church", "TXCS");
        using var viewer = Factory.ClientWithKey(org.ViewerKey);
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(treasurer, "/api/wallet/withdraw", new { address = wallet, amount = 500m })).Status);

        var response = await viewer.GetAsync(new Uri($"/api/wallet/{wallet}/transactions?format=csv", UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("sequence,operation_id,at,valuation_date,operation,token,shares,nav,cash_change_usd,trade_fee_usd", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["Withdraw", "Buy", "Deposit"], rows.Select(r => r[4]));
        var (_, json) = await Api.GetAsync(viewer, $"/api/wallet/{wallet}/transactions");
        Assert.Equal(json!["transactions"]!.AsArray().Select(t => t!["sequence"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture)), rows.Select(r => r[0]));

        // The cash column sums to the wallet's cash in the ledger.
        var journal = Factory.Services.GetRequiredService<ArenaDatabase>().CreateLedgerJournal();
        var account = LedgerAccount.Wallet(wallet);
        var cash = 0m;
        await foreach (var e in journal.ReadEntriesAsync(CancellationToken.None))
        {
            if (e.Unit.IsCash && (e.To == account || e.From == account))
            {
                cash += e.To == account ? e.Amount : -e.Amount;
            }
        }

        Assert.Equal(cash, rows.Sum(r => decimal.Parse(r[8], CultureInfo.InvariantCulture)));
        Assert.Equal(7_500m, cash);
        var limited = await (await viewer.GetAsync(new Uri($"/api/wallet/{wallet}/transactions?format=csv&limit=2", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Equal(3, limited.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // the header and the two newest
        var (badFormat, problem) = await Api.GetAsync(viewer, $"/api/wallet/{wallet}/transactions?format=xml");
        Assert.Equal(HttpStatusCode.BadRequest, badFormat);
        Assert.Contains("\"format\"", problem!.ToJsonString(), StringComparison.Ordinal);
    }

    [DbFact]
    public async Task DailyReport_Viewer_ReadsHtmlJsonAndMarkdown_OfItsOrganisationsTreasury()
    {
        var org = await Api.OnboardAsync(Factory, "Daily Report Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        using var viewer = Factory.ClientWithKey(org.ViewerKey);

        var (none, noneProblem) = await Api.GetAsync(viewer, "/api/reports/daily");
        Assert.Equal(HttpStatusCode.NotFound, none);
        Assert.Equal("treasury_not_found", noneProblem!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync(treasurer, "/api/treasury", new { capital = 250_000m })).Status);

        var (_, status) = await Api.GetAsync(viewer, "/api/treasury/status?as_of=2026-01-05");
        var value = status!["value"]!.GetValue<decimal>();
        var (ok, json) = await Api.GetAsync(viewer, "/api/reports/daily?as_of=2026-01-05&format=json");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("2026-01-05", json!["as_of"]!.GetValue<string>());
        Assert.Equal(value, json["value"]!.GetValue<decimal>());

        var html = await viewer.GetAsync(new Uri("/api/reports/daily?as_of=2026-01-05", UriKind.Relative));
        var page = await html.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Treasury daily report — 2026-01-05", page, StringComparison.Ordinal);
        Assert.Contains(value.ToString("N2", CultureInfo.InvariantCulture) + " USD", page, StringComparison.Ordinal);
        Assert.Contains("No decision journaled for this date.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);

        using var markdownRequest = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/reports/daily?as_of=2026-01-05", UriKind.Relative));
        markdownRequest.Headers.Accept.ParseAdd("text/markdown");
        var markdown = await viewer.SendAsync(markdownRequest);
        var text = await markdown.Content.ReadAsStringAsync();
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("# Treasury daily report — 2026-01-05", text, StringComparison.Ordinal);
        Assert.Contains("| Indicator |", text, StringComparison.Ordinal);

        // The read wrote nothing: no decision was journaled by it.
        var (_, decisions) = await Api.GetAsync(viewer, "/api/treasury/decisions");
        Assert.Empty(decisions!.AsArray());

        foreach (var (query, field) in new[] { ("as_of=2026-13-01", "as_of"), ("as_of=1990-01-01", "as_of"), ("format=pdf", "format") })
        {
            var (bad, problem) = await Api.GetAsync(viewer, "/api/reports/daily?" + query);
            Assert.True(bad == HttpStatusCode.BadRequest, $"{query}: {bad} {problem}");
            Assert.Contains($"\"{field}\"", problem!.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [DbFact]
    public async Task Journey_AdminAndNewTreasurer_EveryDashboardActionHasAnApi()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "JRNY");
        await Api.EnsureDisclosureAsync(admin, "v1");

        // An admin creates and verifies an organisation and issues its treasurer a key; the key list names the member.
        var orgId = await Api.CreateOrganisationAsync(admin, "Journey Church", plan: "premium");
        var (verified, _, _) = await Api.PostAsync(admin, $"/api/admin/orgs/{orgId}/verify", new { entity_type = "501(c)(3) church", registration = "EIN 98-7654321", reviewer = "compliance officer" });
        Assert.Equal(HttpStatusCode.OK, verified);
        var key = await Api.IssueKeyAsync(admin, orgId, "Grace Treasurer", "treasurer");
        var (_, keys) = await Api.GetAsync(admin, $"/api/admin/orgs/{orgId}/keys");
        var listed = Assert.Single(keys!.AsArray())!;
        Assert.Equal("Grace Treasurer", listed["member"]!.GetValue<string>());

        // The new treasurer reads the current disclosure and attests; then buys.
        using var treasurer = Factory.ClientWithKey(key);
        var (read, disclosure) = await Api.GetAsync(treasurer, "/api/orgs/disclosures/current");
        Assert.Equal(HttpStatusCode.OK, read);
        var version = disclosure!["version"]!.GetValue<string>();
        var (attested, _, _) = await Api.PostAsync(treasurer, "/api/orgs/attest", new { document_version = version, signer = "Grace Treasurer" });
        Assert.Equal(HttpStatusCode.Created, attested);
        var (createdWallet, w, _) = await Api.PostAsync(treasurer, "/api/wallet/create", new { mode = "manual", risk_tolerance = "moderate", name = "Building fund" });
        Assert.Equal(HttpStatusCode.Created, createdWallet);
        var wallet = w!["address"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(treasurer, "/api/wallet/deposit", new { address = wallet, amount = 1_000m })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(treasurer, "/api/tokens/buy", new { address = wallet, symbol = "JRNY", amount = 100m })).Status);

        // Halt stops trading, resume restarts it; a paused token is resumed by the admin.
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/halt", new { reason = "journey test" })).Status);
        Assert.NotEqual(HttpStatusCode.OK, (await Api.PostAsync(treasurer, "/api/tokens/buy", new { address = wallet, symbol = "JRNY", amount = 100m })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/resume", new { })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/tokens/JRNY/pause", new { reason = "journey test" })).Status);
        Assert.NotEqual(HttpStatusCode.OK, (await Api.PostAsync(treasurer, "/api/tokens/buy", new { address = wallet, symbol = "JRNY", amount = 100m })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/tokens/JRNY/resume", new { reason = "journey test" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(treasurer, "/api/tokens/buy", new { address = wallet, symbol = "JRNY", amount = 100m })).Status);

        // The admin revokes the key: the treasurer is out.
        var keyId = listed["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await Api.PostAsync(admin, $"/api/admin/keys/{keyId}/revoke", new { })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.GetAsync(treasurer, "/api/wallets")).Status);
    }
}
