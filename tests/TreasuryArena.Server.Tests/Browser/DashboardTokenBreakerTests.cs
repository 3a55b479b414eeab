using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Server.Endpoints;

namespace TreasuryArena.Server.Tests.Browser;

/// <summary>
/// The token page's "Drawdown breaker" card in a real chromium over the demo's data: what it shows is the token info's
/// <c>breaker</c> object (one Core source, <c>BreakerState</c>): the state, the limit in words, the NAV that trips it and the
/// rule that trips or resumes it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardTokenBreakerTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task TokenPage_BreakerCard_ShowsTheInfoBreakerStateLimitAndRule()
    {
        await using var d = await DashboardPage.OpenAsync(browser);
        var page = d.Page;
        var cache = d.Server.Services.GetRequiredService<TokenListCache>();
        using var info = JsonDocument.Parse((await cache.GetInfoAsync("HETH", CancellationToken.None))!.Utf8);
        var breaker = info.RootElement.GetProperty("breaker");
        var state = breaker.GetProperty("state").GetString()!;
        if (info.RootElement.GetProperty("status").GetString() == "active")
        {
            Assert.Equal("armed", state);
        }
        await d.SignInAsync(d.Demo.ViewerKey);

        await d.GoAsync("#/tokens/HETH", "HETH");

        var card = page.Locator("section:has(h2:text-is('Drawdown breaker'))");
        await card.WaitForAsync();
        Assert.StartsWith(state, (await page.GetByTestId("breaker-state").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Equal(breaker.GetProperty("description").GetString(), await page.GetByTestId("breaker-limit").InnerTextAsync());
        var rule = breaker.GetProperty("resume_rule").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(rule));
        Assert.Equal(rule, await page.GetByTestId("breaker-rule").InnerTextAsync());
        var text = await card.InnerTextAsync();
        if (state == "armed")
        {
            // The level that trips it: peak × (1 − limit), as served.
            var peak = breaker.GetProperty("peak").GetDecimal();
            var limit = breaker.GetProperty("limit").GetDecimal();
            var tripsAt = breaker.GetProperty("trips_at_nav").GetDecimal();
            Assert.InRange(peak * (1m - limit) - tripsAt, 0m, 0.00000001m);
            Assert.Contains("Trips at NAV", text, StringComparison.Ordinal);
            Assert.Contains("trips when the NAV is", rule, StringComparison.Ordinal);
        }

        Assert.Contains("Drawdown from the peak", text, StringComparison.Ordinal);
    }
}
