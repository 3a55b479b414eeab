using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ports;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Core.Wallets.Proposals;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Server.Tests.Browser;

/// <summary>
/// Issue 22's dashboard journey in a real chromium against the real server over the demo: an admin creates and
/// verifies a church, issues and revokes its keys, halts and resumes the platform and resumes a paused token; the
/// church's new treasurer is led to the risk disclosure before any trade, attests, creates the "Building fund" wallet,
/// deposits, trades both ways, switches to HYBRID and approves the optimizer's proposal, and downloads the month's
/// statement (HTML, CSV, PDF) and the transactions (CSV); a viewer reads the daily report. Every step is checked
/// against the server's state, not only the page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardJourneyTests(BrowserFixture browser)
{
    private const string Church = "St Agnes Church";
    private const string Fund = "Building fund";
    private static readonly CancellationToken None = CancellationToken.None;

    [BrowserFact]
    public async Task Journey_AdminOnboardsAChurch_ItsTreasurerAttestsCreatesTradesApprovesAndDownloads()
    {
        await using var d = await DashboardPage.OpenAsync(browser);
        var page = d.Page;
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync(); // the revoke button asks for confirmation
        var identity = d.Server.Services.GetRequiredService<IdentityService>();
        var identityStore = d.Server.Services.GetRequiredService<IIdentityStore>();
        var compliance = d.Server.Services.GetRequiredService<IComplianceStore>();

        // ── The admin: a new church, verified, with a treasurer's and a viewer's key; a stale key revoked. ──
        await d.SignInAsync(d.Demo.AdminKey);
        await d.GoAsync("#/admin", "Administration");
        await d.SettledAsync();
        var create = page.GetByTestId("create-org");
        await create.GetByLabel("Organisation name").FillAsync(Church);
        await create.GetByLabel("Type").SelectOptionAsync("church");
        await create.GetByLabel("Plan").SelectOptionAsync("premium");
        await create.GetByRole(AriaRole.Button, new() { Name = "Create organisation" }).ClickAsync();
        await create.GetByText($"{Church} created (pending)", new() { Exact = false }).WaitForAsync();
        var org = await identity.RequireOrganisationByNameAsync(Church, None);
        Assert.Equal(OrganisationStatus.Pending, org.Status);
        Assert.Equal(Plan.Premium, org.Plan);

        var verify = page.Locator($"form:has(h3:text-is('Verify {Church}'))");
        await verify.GetByLabel("Registration or EIN checked").FillAsync("EIN 12-3456789");
        await verify.GetByLabel("Reviewer").FillAsync("Journey Admin");
        await verify.GetByRole(AriaRole.Button, new() { Name = $"Verify {Church}" }).ClickAsync();
        await verify.GetByText($"{Church} verified.").WaitForAsync();
        Assert.Equal(OrganisationStatus.Verified, (await identity.RequireOrganisationByNameAsync(Church, None)).Status);
        await page.Locator("section:has(h2:text-is('Organisations')) tbody tr", new() { HasText = Church }).GetByText("verified").WaitForAsync();

        var keys = page.Locator("section:has(h2:text-is('API keys'))");
        await keys.GetByLabel("Organisation").SelectOptionAsync(org.Id.ToString());
        await keys.GetByText("No keys issued yet.").WaitForAsync();
        var treasurerKey = await IssueKeyAsync(page, identityStore, org.Id, "Ruth Treasurer", "treasurer");
        var viewerKey = await IssueKeyAsync(page, identityStore, org.Id, "Sam Viewer", "viewer");
        var staleKey = await IssueKeyAsync(page, identityStore, org.Id, "Old Laptop", "viewer");
        var staleRow = keys.Locator("tbody tr", new() { HasText = "Old Laptop" });
        await staleRow.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await staleRow.GetByText("revoked").WaitForAsync();
        var issued = await identityStore.ListKeysAsync(org.Id, None);
        Assert.Equal(3, issued.Count);
        Assert.Single(issued, k => k.RevokedAt is not null);
        Assert.Null(await identity.AuthenticateAsync(staleKey, None));
        Assert.NotNull(await identity.AuthenticateAsync(treasurerKey, None));
        Assert.Equal(2, await keys.Locator("tbody tr", new() { HasText = "active" }).CountAsync());

        // ── The admin: halt and resume the platform; resume a paused token. ──
        var halt = page.Locator("section:has(h2:text-is('Platform halt'))");
        await halt.GetByLabel("Reason").FillAsync("Custodian reconciliation");
        await halt.GetByRole(AriaRole.Button, new() { Name = "Halt all trading" }).ClickAsync();
        await halt.GetByText(new Regex("^Trading is halted .*Custodian reconciliation$")).WaitForAsync();
        var halted = await compliance.HaltStateAsync(None);
        Assert.True(halted.Halted);
        Assert.Equal("Custodian reconciliation", halted.Reason);
        await halt.GetByRole(AriaRole.Button, new() { Name = "Resume trading" }).ClickAsync();
        await halt.GetByText("Trading resumed.").WaitForAsync();
        await halt.GetByText("Trading is not halted.").WaitForAsync();
        Assert.False((await compliance.HaltStateAsync(None)).Halted);

        var symbol = d.Ledger.ListTokens().First(t => t.Token.Status == TokenStatus.Active && t.Token.Symbol != "HETH").Token.Symbol;
        Assert.Equal(200, await d.ForcePostAsync($"/api/admin/tokens/{symbol}/pause", new { reason = "journey test: a breaker-like pause" }));
        Assert.Equal(TokenStatus.Paused, d.Ledger.GetToken(symbol)!.Token.Status);
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Administration" }).WaitForAsync();
        var paused = page.Locator("section:has(h2:text-is('Paused tokens'))");
        await paused.GetByRole(AriaRole.Button, new() { Name = $"Resume {symbol}" }).ClickAsync();
        await paused.GetByText($"{symbol} resumed: active.").WaitForAsync();
        Assert.Equal(TokenStatus.Active, d.Ledger.GetToken(symbol)!.Token.Status);
        await d.SettledAsync();

        // The all-organisations wallet list names each wallet's organisation.
        await d.GoAsync("#/wallets", "Wallets");
        await page.GetByRole(AriaRole.Columnheader, new() { Name = "Organisation" }).WaitForAsync();
        Assert.Equal(5, await page.Locator("#main tbody tr", new() { HasText = "Grace Community Church" }).CountAsync());

        // ── The church's treasurer: led to the disclosure before any trade. ──
        await SignOutAsync(page);
        await d.SignInAsync(treasurerKey);
        var banner = page.GetByTestId("onboarding-banner");
        await banner.WaitForAsync();
        Assert.Contains("risk disclosure", await banner.InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "HETH", Exact = true }).ClickAsync();
        await page.GetByTestId("trade-gate").WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("trade-form").CountAsync()); // no fee quote that a buy would then refuse

        await page.GetByTestId("trade-gate").GetByRole(AriaRole.Link, new() { Name = "Read the risk disclosure and attest" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Risk disclosure", Level = 1 }).WaitForAsync();
        var current = (await compliance.CurrentDisclosureAsync(None))!;
        Assert.Equal(current.Text.Trim(), (await page.GetByTestId("disclosure-text").InnerTextAsync()).Trim());
        await page.GetByLabel(new Regex("I have read risk disclosure")).CheckAsync();
        await page.GetByLabel("Signed by").FillAsync("Ruth Treasurer");
        await BrowserFixture.ScreenshotAsync(page, "disclosure");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Attest to version {current.Version}" }).ClickAsync();
        await page.GetByText($"Attested to risk disclosure {current.Version}.").WaitForAsync();
        var attestation = await compliance.LatestAttestationAsync(org.Id, None);
        Assert.Equal(current.Version, attestation!.DocumentVersion);
        Assert.Equal("Ruth Treasurer", attestation.Signer);

        // ── A named wallet, cash in, a buy and a sell. ──
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to your wallets" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Wallets", Level = 1 }).WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("onboarding-banner").CountAsync());
        var newWallet = page.GetByTestId("create-wallet");
        await newWallet.GetByLabel("Wallet name").FillAsync(Fund);
        await newWallet.GetByLabel("Mode").SelectOptionAsync("manual");
        await newWallet.GetByLabel("Risk tolerance").SelectOptionAsync("moderate");
        await newWallet.GetByRole(AriaRole.Button, new() { Name = "Create wallet" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = Fund, Level = 1 }).WaitForAsync();
        var wallet = Assert.Single(d.Ledger.ListWallets(), w => w.Organisation == org.Id.ToString());
        var address = wallet.Address;
        Assert.Equal(Fund, wallet.Name);
        Assert.Equal(WalletMode.Manual, wallet.Mode);
        Assert.Contains(ShortAddress(address), await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByTestId("cash-form").GetByLabel("Amount (USD)").FillAsync("50000");
        await page.GetByTestId("cash-form").GetByRole(AriaRole.Button, new() { Name = "Deposit" }).ClickAsync();
        await page.GetByTestId("wallet-flash").WaitForAsync();
        await Kpi(page, "Cash", "$50,000.00");
        Assert.Equal(50_000m, d.Ledger.GetWallet(address)!.Cash.Amount);

        var trade = page.GetByTestId("trade-form");
        await trade.GetByLabel("Token").SelectOptionAsync("HETH");
        await trade.GetByLabel("Amount in USD").FillAsync("5000");
        await trade.GetByRole(AriaRole.Button, new() { Name = "Review fee and confirm" }).ClickAsync();
        Assert.Equal("$50.00 (1.00%)", await page.GetByTestId("quoted-fee").InnerTextAsync());
        await trade.GetByRole(AriaRole.Button, new() { Name = "Confirm buy" }).ClickAsync();
        await trade.GetByText("Bought HETH.").WaitForAsync();
        await Kpi(page, "Cash", "$45,000.00");
        var bought = d.Ledger.GetWallet(address)!.Holdings.Single(h => h.Symbol == "HETH").Shares.Value;
        Assert.True(bought > 0m);
        await page.Locator("section:has(h2:text-is('Holdings')) tbody tr", new() { HasText = "HETH" }).WaitForAsync();

        var sell = Math.Round(bought / 2m, 4, MidpointRounding.ToZero);
        await trade.GetByLabel("Side").SelectOptionAsync("sell");
        await trade.GetByLabel("Shares to sell").FillAsync(sell.ToString(CultureInfo.InvariantCulture));
        await trade.GetByRole(AriaRole.Button, new() { Name = "Review fee and confirm" }).ClickAsync();
        await trade.GetByRole(AriaRole.Button, new() { Name = "Confirm sell" }).ClickAsync();
        await trade.GetByText("Sold HETH.").WaitForAsync();
        var afterSell = d.Ledger.GetWallet(address)!;
        Assert.Equal(bought - sell, afterSell.Holdings.Single(h => h.Symbol == "HETH").Shares.Value);
        Assert.True(afterSell.Cash.Amount > 45_000m, $"the sale's proceeds are cash: {afterSell.Cash.Amount}");
        await Kpi(page, "Cash", Usd(afterSell.Cash.Amount));

        // ── HYBRID: the optimizer proposes, the treasurer approves, the orders execute. ──
        var modeForm = page.Locator("section:has(h2:text-is('Mode and risk'))");
        await modeForm.GetByLabel("Mode").SelectOptionAsync("hybrid");
        await modeForm.GetByLabel("Risk tolerance").SelectOptionAsync("aggressive");
        await modeForm.GetByRole(AriaRole.Button, new() { Name = "Save mode and risk" }).ClickAsync();
        await page.Locator("[data-testid=wallet-flash]", new() { HasText = "Saved: HYBRID, AGGRESSIVE." }).WaitForAsync();
        Assert.Equal(WalletMode.Hybrid, d.Ledger.GetWallet(address)!.Wallet.Mode);
        Assert.Equal(RiskTolerance.Aggressive, d.Ledger.GetWallet(address)!.Wallet.Risk);

        await page.GetByRole(AriaRole.Button, new() { Name = "Propose for approval" }).ClickAsync();
        var tokens = d.Server.Services.GetRequiredService<TokensRuntime>();
        var proposalNode = page.Locator("[data-proposal]");
        await proposalNode.WaitForAsync();
        var proposal = Assert.Single(await tokens.Allocations.ProposalsAsync(address, ProposalStatus.Pending, None));
        Assert.Equal(proposal.Id.ToString(), await proposalNode.GetAttributeAsync("data-proposal"));
        await proposalNode.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await proposalNode.GetByText(new Regex("^Proposal approved: executed")).WaitForAsync();
        Assert.Equal(ProposalStatus.Executed, (await tokens.Allocations.FindProposalAsync(proposal.Id, None))!.Status);
        var approved = d.Ledger.GetWallet(address)!;
        foreach (var buy in proposal.Orders.Where(o => o.Side == Core.Common.OrderSide.Buy))
        {
            Assert.Contains(approved.Holdings, h => h.Symbol == buy.Symbol && !h.Shares.IsZero);
        }

        await d.SettledAsync();
        await BrowserFixture.ScreenshotAsync(page, "building-fund");

        // ── The month's statement as HTML, CSV and PDF, and the transactions as CSV. ──
        var month = (await page.Locator("input[name=month]").InputValueAsync());
        Assert.Matches(@"^\d{4}-\d{2}$", month);
        var html = await DownloadAsync(page, "statement-html");
        Assert.EndsWith($"{month}.html", html.Name, StringComparison.Ordinal);
        var htmlText = Encoding.UTF8.GetString(html.Bytes);
        Assert.Contains("<html", htmlText, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Fund, htmlText, StringComparison.Ordinal);
        Assert.Contains(Church, htmlText, StringComparison.Ordinal);
        Assert.DoesNotContain(org.Id.ToString(), htmlText, StringComparison.OrdinalIgnoreCase); // names, not ids
        var csv = Encoding.UTF8.GetString((await DownloadAsync(page, "statement-csv")).Bytes);
        Assert.Contains("HETH", csv, StringComparison.Ordinal);
        Assert.Contains("50000", csv.Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var pdf = await DownloadAsync(page, "statement-pdf");
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf.Bytes, 0, 5));
        Assert.Equal("application/pdf", await ContentTypeAsync(d, page, "statement-pdf"));
        Assert.StartsWith("text/csv", await ContentTypeAsync(d, page, "statement-csv"), StringComparison.Ordinal);
        var transactions = Encoding.UTF8.GetString((await DownloadAsync(page, "transactions-csv")).Bytes);
        var lines = transactions.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 4, $"a header, the deposit, the buy, the sell and the approved orders: {transactions}");
        Assert.Contains(lines, l => l.Contains("deposit", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(lines, l => l.Contains("sell", StringComparison.OrdinalIgnoreCase) && l.Contains("HETH", StringComparison.Ordinal));

        // ── The church's viewer: the Building fund by name, no controls; the daily report. ──
        await SignOutAsync(page);
        await d.SignInAsync(viewerKey);
        await d.GoAsync("#/wallets", "Wallets");
        await page.GetByRole(AriaRole.Link, new() { Name = Fund }).WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("create-wallet").CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = Fund }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = Fund, Level = 1 }).WaitForAsync();
        await d.SettledAsync();
        Assert.Equal(0, await page.GetByTestId("cash-form").CountAsync());
        Assert.Equal(1, await page.GetByTestId("statement-pdf").CountAsync()); // a trustee downloads statements too
    }

    [BrowserFact]
    public async Task Viewer_ReadsTheDailyReport_ForThePlatformDate_AndAnEarlierOne()
    {
        await using var d = await DashboardPage.OpenAsync(browser);
        var page = d.Page;
        await d.SignInAsync(d.Demo.ViewerKey);

        await page.GetByRole(AriaRole.Link, new() { Name = "Reports", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "daily report" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Daily report", Level = 1 }).WaitForAsync();
        await d.SettledAsync();
        Assert.Equal(0, await page.Locator("#main .error").CountAsync());
        var clock = d.Server.Services.GetRequiredService<IBusinessClock>();
        var today = clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal($"As of {today}", await page.GetByTestId("daily-as-of").InnerTextAsync());
        var text = await page.Locator("#main").InnerTextAsync();
        Assert.Contains("Static 60/40", text, StringComparison.Ordinal);
        Assert.Contains("Market phase", text, StringComparison.Ordinal);
        Assert.DoesNotContain("null", text, StringComparison.Ordinal); // an absent field shows as nothing or "—"
        await BrowserFixture.ScreenshotAsync(page, "daily-report");

        // The same report from the server (JSON), figure for figure, and an earlier day on request.
        var json = await page.EvaluateAsync<string>($"async () => JSON.stringify(await (await fetch('/api/reports/daily?as_of={today}&format=json')).json())");
        using var served = System.Text.Json.JsonDocument.Parse(json);
        var value = served.RootElement.GetProperty("value").GetDecimal();
        Assert.Contains(Usd(value), text, StringComparison.Ordinal);
        var earlier = clock.Today.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GetByLabel("Report date").FillAsync(earlier);
        await page.Locator("[data-testid=daily-as-of]", new() { HasText = $"As of {earlier}" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("#main .error").CountAsync());
        var htmlHref = await page.GetByTestId("daily-html").GetAttributeAsync("href");
        Assert.Contains($"as_of={earlier}", htmlHref, StringComparison.Ordinal);
        var response = await d.Context.APIRequest.GetAsync(new Uri(d.Server.Address, htmlHref).ToString());
        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/html", response.Headers["content-type"], StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task NewPages_OnAPhone_FitTheScreen()
    {
        await using var d = await DashboardPage.OpenAsync(browser, 375, 800, mobile: true);
        var page = d.Page;

        await d.SignInAsync(d.Demo.TreasurerKey);
        await d.GoAsync("#/disclosure", "Risk disclosure");
        await d.SettledAsync();
        Assert.False(await d.HasHorizontalOverflowAsync(), "the disclosure page fits a 375 px phone");
        await BrowserFixture.ScreenshotAsync(page, "disclosure-phone");

        await d.GoAsync("#/wallets", "Wallets");
        await page.GetByTestId("create-wallet").WaitForAsync();
        Assert.False(await d.HasHorizontalOverflowAsync(), "the wallet list with the new-wallet form fits");
        await BrowserFixture.ScreenshotAsync(page, "wallets-phone");

        await d.GoAsync($"#/wallets/{d.WalletIn(WalletMode.Manual)}", "Wallet");
        await page.GetByTestId("statement-pdf").WaitForAsync();
        await page.GetByTestId("cash-form").WaitForAsync();
        await d.SettledAsync();
        Assert.False(await d.HasHorizontalOverflowAsync(), "the wallet page with cash and statements fits");

        await d.GoAsync("#/reports/daily", "Daily report");
        await d.SettledAsync();
        Assert.False(await d.HasHorizontalOverflowAsync(), "the daily report fits");
        await BrowserFixture.ScreenshotAsync(page, "daily-report-phone");

        // Issue 21/22's other new pages: approvals, the organisation (documents, review, policy), notifications.
        foreach (var (hash, heading, shot) in new[] { ("#/approvals", "Approvals", "approvals-phone"), ("#/organisation", "Organisation", "organisation-phone"), ("#/notifications", "Notifications", "notifications-phone") })
        {
            await d.GoAsync(hash, heading);
            await d.SettledAsync();
            Assert.False(await d.HasHorizontalOverflowAsync(), $"the {heading} page fits a 375 px phone");
            await BrowserFixture.ScreenshotAsync(page, shot);
        }

        await SignOutAsync(page);
        await d.SignInAsync(d.Demo.AdminKey);
        await d.GoAsync("#/admin", "Administration");
        await d.SettledAsync();
        Assert.False(await d.HasHorizontalOverflowAsync(), "the admin page with its new controls fits");
        await BrowserFixture.ScreenshotAsync(page, "admin-phone");
    }

    private static async Task<string> IssueKeyAsync(IPage page, IIdentityStore store, Guid org, string member, string role)
    {
        var form = page.GetByTestId("issue-key");
        await form.GetByLabel("Member").FillAsync(member);
        await form.GetByLabel("Role").SelectOptionAsync(role);
        await form.GetByRole(AriaRole.Button, new() { Name = "Issue key" }).ClickAsync();
        await form.GetByText($"Key issued to {member} ({role})").WaitForAsync();
        var key = await form.GetByTestId("issued-key").InnerTextAsync();
        Assert.StartsWith("ta_", key, StringComparison.Ordinal);
        // The new key's row: its prefix and the member's name (the key's name).
        var record = (await store.ListKeysAsync(org, CancellationToken.None)).Single(k => key.StartsWith(k.Prefix, StringComparison.Ordinal));
        var row = page.Locator("section:has(h2:text-is('API keys')) tbody tr", new() { HasText = record.Prefix });
        await row.WaitForAsync();
        Assert.Equal(role, (await row.Locator("td").Nth(1).InnerTextAsync()).Trim());
        Assert.Equal(member, (await row.Locator("td").First.InnerTextAsync()).Trim());
        return key;
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" }).WaitForAsync();
    }

    /// <summary>Waits until the wallet page's KPI shows the value (the figures are read again after each change).</summary>
    private static Task Kpi(IPage page, string label, string value) =>
        page.Locator($"[data-testid=wallet-figures] .kpi:has(dt:text-is('{label}')) dd").GetByText(value, new() { Exact = true }).WaitForAsync();

    private static async Task<(string Name, byte[] Bytes)> DownloadAsync(IPage page, string testId)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId(testId).ClickAsync());
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(path));
    }

    /// <summary>The Content-Type the server answers a download link with (the context's cookie signs the request in).</summary>
    private static async Task<string> ContentTypeAsync(DashboardPage d, IPage page, string testId)
    {
        var href = await page.GetByTestId(testId).GetAttributeAsync("href");
        var response = await d.Context.APIRequest.GetAsync(new Uri(d.Server.Address, href).ToString());
        Assert.Equal(200, response.Status);
        return response.Headers["content-type"];
    }

    private static string ShortAddress(string a) => $"{a[..8]}…{a[^4..]}";

    private static string Usd(decimal v) => (v < 0 ? "-$" : "$") + Math.Abs(v).ToString("N2", CultureInfo.InvariantCulture);
}
