using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Core.Wallets.Proposals;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Endpoints;

namespace TreasuryArena.Server.Tests.Browser;

/// <summary>
/// The dashboard's main flows in a real chromium against the real server over the demo's data (issue 9): sign in,
/// read a token page, buy with the fee shown first, approve a HYBRID proposal and see it in the transactions, and a
/// viewer who can neither see the trading controls nor force a trade past the server.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardFlowTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Treasurer_ReadsTokenList_AndATokenPage()
    {
        await using var d = await DashboardPage.OpenAsync(browser);
        var page = d.Page;

        await d.SignInAsync(d.Demo.TreasurerKey);

        var rows = page.Locator("table tbody tr");
        await rows.First.WaitForAsync();
        Assert.True(await rows.CountAsync() >= 10, "the demo issues at least ten strategy tokens");
        Assert.True(await page.Locator("table tbody svg.spark").CountAsync() >= 10, "each token row has a NAV sparkline");
        // Drawn from the list's weekly sparkline field: as many points as the server sent.
        var served = JsonDocument.Parse((await d.Server.Services.GetRequiredService<TokenListCache>().GetAsync(CancellationToken.None)).Utf8).RootElement;
        var points = served.EnumerateArray().Single(t => t.GetProperty("symbol").GetString() == "HETH").GetProperty("sparkline").GetArrayLength();
        Assert.True(points >= 5, $"HETH's sparkline has {points} points");
        var description = await page.Locator("tr:has(a:text-is('HETH')) svg.spark desc").TextContentAsync();
        Assert.EndsWith($"over {points} points.", description, StringComparison.Ordinal);
        Assert.Contains("Pat Treasurer", await page.Locator("#who-label").InnerTextAsync(), StringComparison.Ordinal);
        Assert.False(await page.GetByRole(AriaRole.Link, new() { Name = "Admin" }).IsVisibleAsync(), "a treasurer has no admin page");
        await BrowserFixture.ScreenshotAsync(page, "dashboard");

        await page.GetByRole(AriaRole.Link, new() { Name = "HETH", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "HETH", Level = 1 }).WaitForAsync();
        await page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^HETH NAV per share") }).WaitForAsync();
        await page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^HETH drawdown") }).WaitForAsync();
        var text = await page.Locator("#main").InnerTextAsync();
        Assert.Contains("Sharpe 90d", text, StringComparison.Ordinal);
        Assert.Contains("1.00% of each buy and sell", text, StringComparison.Ordinal);
        Assert.Contains("Lifecycle history", text, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"proving\s+active"), text); // the quality gates promoted it
        Assert.Contains("Buy or sell HETH", text, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("section:has(h2:text-is('Strategy')) p").First.InnerTextAsync()));
        await BrowserFixture.ScreenshotAsync(page, "token");
    }

    [BrowserFact]
    public async Task Treasurer_ApprovesHybridProposal_TheOrdersExecute()
    {
        await using var d = await DashboardPage.OpenAsync(browser);
        var page = d.Page;
        var hybrid = d.WalletIn(WalletMode.Hybrid);
        var tokens = d.Server.Services.GetRequiredService<TokensRuntime>();
        var pending = Assert.Single(await tokens.Allocations.ProposalsAsync(hybrid, ProposalStatus.Pending, CancellationToken.None));
        var held = d.Ledger.GetWallet(hybrid)!.Holdings.Where(h => !h.Shares.IsZero).Select(h => h.Symbol).ToList();
        await d.SignInAsync(d.Demo.TreasurerKey);

        await d.GoAsync($"#/wallets/{hybrid}", "Wallet");
        var proposal = page.Locator($"[data-proposal='{pending.Id}']");
        await proposal.WaitForAsync();
        Assert.Matches("(Efficient-risk|Minimum-variance) weights", await proposal.InnerTextAsync());
        await page.GetByTestId("suggestion-reasoning").WaitForAsync();
        // Issue 18: the tolerance's limits, the target's expected volatility and the expected-returns method are shown.
        var limits = page.GetByTestId("risk-limits");
        await limits.WaitForAsync();
        Assert.Contains("Volatility ceiling", await limits.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("cross-sectional mean", await page.GetByTestId("expected-returns-method").InnerTextAsync(), StringComparison.Ordinal);
        await d.SettledAsync();
        await BrowserFixture.ScreenshotAsync(page, "wallet");

        // One of the approved orders (whichever the demo's optimizer chose) shows up among the transactions once executed.
        var traded = pending.Orders[0].Symbol;
        var txRows = page.Locator("section:has(#tx-title) tbody tr", new() { HasText = traded });
        var before = await txRows.CountAsync();
        await proposal.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await proposal.GetByText(new Regex("^Proposal approved: executed")).WaitForAsync();
        // A token the wallet did not hold before: its buy is one of the approved orders, and it shows up among the transactions.
        var bought = pending.Orders.First(o => o.Side == Core.Common.OrderSide.Buy && held.All(h => h != o.Symbol)).Symbol;
        await page.Locator("section:has(#tx-title) tbody tr", new() { HasText = bought }).First.WaitForAsync();
        var decided = await tokens.Allocations.FindProposalAsync(pending.Id, CancellationToken.None);
        Assert.Equal(ProposalStatus.Executed, decided!.Status);
        Assert.StartsWith("member-", decided.DecidedBy, StringComparison.Ordinal); // a pseudonym: names are erasable (issue 21)
        Assert.Contains("(treasurer, key ", decided.DecidedBy, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Treasurer_Buys_SeesTheFeeBeforeConfirming_AndTheBuyInTheTransactions()
    {
        await using var d = await DashboardPage.OpenAsync(browser);
        var page = d.Page;
        var manual = d.WalletIn(WalletMode.Manual);
        await d.SignInAsync(d.Demo.TreasurerKey);
        await d.GoAsync($"#/wallets/{manual}", "Wallet");
        var form = page.GetByTestId("trade-form");

        await form.GetByLabel("Token").SelectOptionAsync("HETH");
        await form.GetByLabel("Amount in USD").FillAsync("1000");
        await form.GetByRole(AriaRole.Button, new() { Name = "Review fee and confirm" }).ClickAsync();

        var fee = page.GetByTestId("quoted-fee");
        await fee.WaitForAsync();
        Assert.Equal("$10.00 (1.00%)", await fee.InnerTextAsync()); // the demo's 1% trade fee, quoted before anything moves
        Assert.Equal(25_000m, d.Ledger.GetWallet(manual)!.Cash.Amount);

        await form.GetByRole(AriaRole.Button, new() { Name = "Confirm buy" }).ClickAsync();

        await form.GetByText("Bought HETH.").WaitForAsync();
        await page.Locator("section:has(#tx-title) tbody tr", new() { HasText = "HETH" }).First.WaitForAsync();
        var wallet = d.Ledger.GetWallet(manual)!;
        Assert.Equal(24_000m, wallet.Cash.Amount);
        Assert.Contains(wallet.Holdings, h => h.Symbol == "HETH" && !h.Shares.IsZero);
        Assert.Equal(0, await page.Locator("#main .error").CountAsync());
    }

    [BrowserFact]
    public async Task Treasurer_ReadsTheWalletList_WithValueAndPnl()
    {
        await using var d = await DashboardPage.OpenAsync(browser);
        var page = d.Page;
        await d.SignInAsync(d.Demo.TreasurerKey);

        await page.GetByRole(AriaRole.Link, new() { Name = "Wallets", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Wallets", Level = 1 }).WaitForAsync();

        Assert.Equal(5, await page.Locator("#main tbody tr").CountAsync());
        var status = WalletEndpoints.Status(d.Ledger.GetWallet(d.WalletIn(WalletMode.Hybrid))!, d.Ledger);
        var row = await page.Locator("#main tbody tr", new() { HasText = "HYBRID" }).InnerTextAsync();
        Assert.Contains(Usd(status.Value), row, StringComparison.Ordinal);
        Assert.Contains(Usd(status.UnrealisedPnl), row, StringComparison.Ordinal);
        Assert.True(status.UnrealisedPnl != 0m, "the demo's HYBRID wallet has moved since its first rebalance");
        await BrowserFixture.ScreenshotAsync(page, "wallets");
    }

    [BrowserFact]
    public async Task Viewer_ReadsTheTreasury_EverySectionAnswers()
    {
        await using var d = await DashboardPage.OpenAsync(browser);
        var page = d.Page;
        await d.SignInAsync(d.Demo.ViewerKey);

        await page.GetByRole(AriaRole.Link, new() { Name = "Treasury", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Treasury", Level = 1 }).WaitForAsync();
        await d.SettledAsync();

        Assert.Equal(0, await page.Locator("#main .error").CountAsync());
        Assert.True(await page.Locator("section:has(h2:text-is('Indicators')) tbody tr").CountAsync() > 0, "indicators with age and source");
        await page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Treasury allocation, current vs target") }).WaitForAsync();
        Assert.True(await page.Locator("article.decision .reasoning").CountAsync() > 0, "the demo's advisor decision with its reasoning");
        await BrowserFixture.ScreenshotAsync(page, "treasury");
    }

    [BrowserFact]
    public async Task Admin_ReadsOrganisationsHoldsBreakersAuditAndRevenue()
    {
        await using var d = await DashboardPage.OpenAsync(browser);
        var page = d.Page;
        await d.SignInAsync(d.Demo.AdminKey);
        Assert.Equal(201, await d.ForcePostAsync("/api/admin/orgs", new { name = "St Mark Trust", type = "trust", plan = "basic" }));

        await page.GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Administration" }).WaitForAsync();
        await d.SettledAsync();
        Assert.Equal(0, await page.Locator("#main .error").CountAsync());
        var text = await page.Locator("#main").InnerTextAsync();
        Assert.Contains("Grace Community Church", text, StringComparison.Ordinal);
        Assert.Contains("1 waiting for verification", text, StringComparison.Ordinal);
        var verify = page.Locator("form:has(h3:text-is('Verify St Mark Trust'))");
        await verify.GetByLabel("Registration or EIN checked").FillAsync("EIN 98-7654321");
        await verify.GetByLabel("Reviewer").FillAsync("Browser Test");
        await verify.GetByRole(AriaRole.Button, new() { Name = "Verify St Mark Trust" }).ClickAsync();
        await verify.GetByText("St Mark Trust verified.").WaitForAsync();
        Assert.Contains("No trade is waiting for review.", text, StringComparison.Ordinal);
        Assert.Contains("Trading is not halted.", text, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Img, new() { Name = "Revenue by fee type" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify the audit chain" }).ClickAsync();
        await page.GetByText("The audit chain verifies.").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "admin");
        var identity = d.Server.Services.GetRequiredService<IdentityService>();
        var verified = await identity.RequireOrganisationByNameAsync("St Mark Trust", CancellationToken.None);
        Assert.Equal(OrganisationStatus.Verified, verified.Status);
    }

    [BrowserFact]
    public async Task Admin_LatestEvaluationCard_LinksTheReport_WhichRendersUnderItsPolicy()
    {
        await using var d = await DashboardPage.OpenAsync(browser);
        var page = d.Page;
        var violations = new List<string>();
        d.Context.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                violations.Add(message.Text);
            }
        };
        await d.SignInAsync(d.Demo.AdminKey);
        // Through the navigation link, as an admin would (and as the other admin tests do).
        await page.GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Administration" }).WaitForAsync();
        await d.SettledAsync();
        var card = page.Locator("section:has(h2:text-is('Latest evaluation'))");
        await card.GetByText("No evaluation yet: run arena evaluate").WaitForAsync();

        // A real (short) run, kept beside the demo copy's database, where this server looks.
        await DemoStatisticsScanTests.CliAsync("evaluate", "--from", "2023-01-01", "--to", "2023-04-30", "--rebalance", "monthly", "--json", "--db", d.Demo.Database);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(d.Demo.Database)!, "evaluation", "latest.json")));
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Administration" }).WaitForAsync();
        await d.SettledAsync();
        var text = await card.InnerTextAsync();
        Assert.Contains("2023-01-01 – 2023-04-30", text, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"Targets met\s+\d+ of \d+"), text);
        Assert.Contains("Wallet breaker trips", text, StringComparison.Ordinal);
        Assert.Contains("tokens_beating_hodl", text, StringComparison.Ordinal);
        Assert.Equal(0, await card.Locator(".error").CountAsync());

        var popup = await page.RunAndWaitForPopupAsync(() => card.GetByRole(AriaRole.Link, new() { Name = "Open the full report (HTML)" }).ClickAsync());
        await popup.GetByRole(AriaRole.Heading, new() { Name = "Treasury Arena — walk-forward evaluation" }).WaitForAsync();
        Assert.EndsWith("/api/admin/evaluation/latest", popup.Url, StringComparison.Ordinal);
        // The report's inline style applies (960 px column) and its SVG charts are there: the policy allows them.
        Assert.Equal("960px", await popup.EvaluateAsync<string>("() => getComputedStyle(document.body).maxWidth"));
        Assert.True(await popup.Locator("svg").CountAsync() > 0);
        Assert.DoesNotContain(violations, v => v.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        await BrowserFixture.ScreenshotAsync(popup, "evaluation-report");
    }

    [BrowserFact]
    public async Task Viewer_SeesNoTradingControls_AndTheServerRefusesAForcedTrade()
    {
        await using var d = await DashboardPage.OpenAsync(browser);
        var page = d.Page;
        var hybrid = d.WalletIn(WalletMode.Hybrid);
        var manual = d.WalletIn(WalletMode.Manual);
        var tokens = d.Server.Services.GetRequiredService<TokensRuntime>();
        var pending = Assert.Single(await tokens.Allocations.ProposalsAsync(hybrid, ProposalStatus.Pending, CancellationToken.None));
        await d.SignInAsync(d.Demo.ViewerKey);

        Assert.Contains("viewer", await page.Locator("#who-label").InnerTextAsync(), StringComparison.Ordinal);
        Assert.False(await page.GetByRole(AriaRole.Link, new() { Name = "Admin" }).IsVisibleAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "HETH", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Fees" }).WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("trade-form").CountAsync());

        await d.GoAsync($"#/wallets/{hybrid}", "Wallet");
        await page.Locator($"[data-proposal='{pending.Id}']").WaitForAsync(); // the viewer sees the proposal and its reasoning…
        await d.SettledAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).CountAsync()); // …but cannot decide it
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Reject" }).CountAsync());
        Assert.Equal(0, await page.GetByTestId("trade-form").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Save mode and risk" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Rebalance|Propose)") }).CountAsync());

        Assert.Equal(403, await d.ForcePostAsync("/api/tokens/buy", new { address = manual, symbol = "HETH", amount = 100 }));
        Assert.Equal(403, await d.ForcePostAsync($"/api/wallet/proposals/{pending.Id}/approve", new { }));
        Assert.Equal(403, await d.ForcePostAsync("/api/wallet/mode", new { address = manual, mode = "full_ai" }));
        Assert.DoesNotContain(d.Ledger.GetWallet(manual)!.Holdings, h => !h.Shares.IsZero);
        var still = await tokens.Allocations.FindProposalAsync(pending.Id, CancellationToken.None);
        Assert.Equal(ProposalStatus.Pending, still!.Status);
    }

    [BrowserFact]
    public async Task Wallet_OnAPhone_FitsTheScreen()
    {
        await using var d = await DashboardPage.OpenAsync(browser, 375, 800, mobile: true);
        await d.SignInAsync(d.Demo.TreasurerKey);

        await d.GoAsync($"#/wallets/{d.WalletIn(WalletMode.Hybrid)}", "Wallet");
        await d.SettledAsync();

        Assert.False(await d.HasHorizontalOverflowAsync(), "the wallet page fits a 375 px wide phone screen");
        await BrowserFixture.ScreenshotAsync(d.Page, "wallet-phone");
    }

    private static string Usd(decimal v) => (v < 0 ? "-$" : "$") + Math.Abs(v).ToString("N2", CultureInfo.InvariantCulture);
}
