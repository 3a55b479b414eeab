using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using TreasuryArena.Server.Tests.Notifications;

namespace TreasuryArena.Server.Tests.Browser;

/// <summary>Issue 22: the dashboard's notifications page shows each notification with the state of each channel's delivery.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardNotificationsTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task NotificationsPage_ShowsDeliveryStatePerChannel()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        await using var server = await DashboardServer.StartAsync(
            $"--Notifications:WebhookUrl={receiver.Address}/hook/ops", "--Notifications:InitialBackoff=01:00:00", "--Notifications:PollInterval=00:00:00.200");
        using var http = new HttpClient { BaseAddress = server.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DashboardServer.AdminKey);

        using (var halt = await http.PostAsJsonAsync(new Uri("/api/admin/halt", UriKind.Relative), new { reason = "browser drill" }))
        {
            halt.EnsureSuccessStatusCode();
        }

        await WaitForAsync(http, "platform_halted", "delivered");
        receiver.Down = true;
        using (var resume = await http.PostAsJsonAsync(new Uri("/api/admin/resume", UriKind.Relative), new { reason = "drill over" }))
        {
            resume.EnsureSuccessStatusCode();
        }

        await WaitForAsync(http, "platform_resumed", "failed");

        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, TimezoneId = "UTC" });
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Address.ToString());
        await page.GetByLabel("API key").FillAsync(DashboardServer.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Tokens", Exact = true }).WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Notifications" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Notifications", Level = 1 }).WaitForAsync();

        var feed = page.GetByTestId("notification-feed");
        var halted = feed.Locator("tr", new() { HasText = "platform_halted" });
        var resumed = feed.Locator("tr", new() { HasText = "platform_resumed" });
        Assert.Equal("delivered", await halted.Locator("li.delivery[data-channel=webhook]").GetAttributeAsync("data-status"));
        Assert.Equal("failed", await resumed.Locator("li.delivery[data-channel=webhook]").GetAttributeAsync("data-status"));
        Assert.Contains("HTTP 503", await resumed.Locator("li.delivery").GetAttributeAsync("title") ?? "", StringComparison.Ordinal);
        Assert.Contains("browser drill", await halted.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "notifications");
    }

    private static async Task WaitForAsync(HttpClient http, string kind, string status)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            var list = JsonNode.Parse(await http.GetStringAsync(new Uri("/api/admin/notifications", UriKind.Relative)))!.AsArray();
            if (list.FirstOrDefault(n => n!["kind"]!.GetValue<string>() == kind)?["deliveries"]?.AsArray().FirstOrDefault()?["status"]?.GetValue<string>() == status)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{kind} never reached {status}");
    }
}
