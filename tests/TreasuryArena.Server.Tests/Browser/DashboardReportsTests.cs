using Microsoft.Playwright;

namespace TreasuryArena.Server.Tests.Browser;

/// <summary>Issue 21: the dashboard's Reports page links the board reports, which open under their own CSP with their styles applied.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardReportsTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Reports_Viewer_OpensTheQuarterToDateBoardReportInANewTab()
    {
        await using var d = await DashboardPage.OpenAsync(browser);
        var page = d.Page;
        var blocked = new List<string>();
        d.Context.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                blocked.Add(message.Text);
            }
        };
        await d.SignInAsync(d.Demo.ViewerKey);

        await page.GetByRole(AriaRole.Link, new() { Name = "Reports", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Reports", Level = 1 }).WaitForAsync();
        var links = page.GetByRole(AriaRole.Link, new() { Name = "Open (HTML)" });
        await links.First.WaitForAsync();
        Assert.Equal(5, await links.CountAsync()); // the quarter to date and the four full quarters before it
        Assert.Equal(5, await page.GetByRole(AriaRole.Link, new() { Name = "Download PDF" }).CountAsync());
        Assert.Contains("last full quarter", await page.Locator("#main").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "reports");

        var popup = await page.RunAndWaitForPopupAsync(() => links.First.ClickAsync());
        await popup.WaitForLoadStateAsync();
        await popup.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Quarterly board report") }).WaitForAsync();
        foreach (var section in new[] { "Summary", "Performance against the benchmark", "Fees paid", "Policy compliance and breaches", "Decisions, reasoning and outcomes", "Liquidity reserve" })
        {
            Assert.True(await popup.GetByRole(AriaRole.Heading, new() { Name = section, Level = 2 }).IsVisibleAsync(), section);
        }

        // The report's inline styles apply under its Content-Security-Policy (body max-width 960px).
        Assert.Equal("960px", await popup.EvaluateAsync<string>("() => getComputedStyle(document.body).maxWidth"));
        Assert.DoesNotContain(blocked, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        await BrowserFixture.ScreenshotAsync(popup, "board-report");
    }
}
