using System.Net;
using Microsoft.Playwright;
using TreasuryArena.Server.Auth;

namespace TreasuryArena.Server.Tests.Browser;

/// <summary>The dashboard shell in a real chromium against the real server on Kestrel.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardShellTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Root_NotSignedIn_ShowsLabelledSignInFormAndLoadsOnlyFromItsOrigin()
    {
        await using var server = await DashboardServer.StartAsync();
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var foreign = new List<string>();
        var failed = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(server.Address.ToString().TrimEnd('/'), StringComparison.Ordinal))
            {
                foreign.Add(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("401", StringComparison.Ordinal))
            {
                failed.Add(message.Text);
            }
        };

        var response = await page.GotoAsync(server.Address.ToString());

        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" }).WaitForAsync();
        var keyInput = page.GetByLabel("API key");
        Assert.Equal("password", await keyInput.GetAttributeAsync("type"));
        Assert.True(await keyInput.EvaluateAsync<bool>("e => e === document.activeElement"), "the key field has focus");
        Assert.False(await page.Locator("#nav").IsVisibleAsync(), "navigation stays hidden until signed in");
        Assert.Empty(foreign);
        Assert.Empty(failed);
        await BrowserFixture.ScreenshotAsync(page, "signin");
    }

    [BrowserFact]
    public async Task SignIn_UnknownKey_ShowsErrorAndStaysSignedOut()
    {
        await using var server = await DashboardServer.StartAsync();
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Address.ToString());

        await page.GetByLabel("API key").FillAsync("not-a-real-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        Assert.Contains("not accepted", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await context.CookiesAsync());
        Assert.False(await page.Locator("#nav").IsVisibleAsync());
    }

    [BrowserFact]
    public async Task Root_PhoneViewport_HasNoHorizontalOverflow()
    {
        await using var server = await DashboardServer.StartAsync();
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 375, Height = 740 }, IsMobile = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Address.ToString());
        await page.GetByLabel("API key").WaitForAsync();

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

        Assert.False(overflow, "the sign-in page fits a 375 px wide phone screen");
    }

    [BrowserFact]
    public async Task SignIn_AdminKey_ShowsAdminNavigationAndSignOutReturnsToSignIn()
    {
        await using var server = await DashboardServer.StartAsync();
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await SignInAsAdminAsync(context, server);
        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == SessionCookie.PlainName);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.False(cookie.Secure, "plain HTTP: the unprefixed cookie (see SessionCookie)");
        Assert.DoesNotContain(DashboardServer.AdminKey, cookie.Value, StringComparison.Ordinal);
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Admin" }).IsVisibleAsync());
        Assert.Contains("admin", await page.Locator("#who-label").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Administration" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify the audit chain" }).ClickAsync();
        await page.GetByText("The audit chain verifies.").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "admin-empty");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" }).WaitForAsync();
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == SessionCookie.PlainName);
        Assert.Equal(HttpStatusCode.Unauthorized, await ReuseAsync(server, SessionCookie.PlainName + "=" + cookie.Value, forwardedHttps: false));
    }

    [BrowserFact]
    public async Task SignIn_BehindATlsProxy_SetsTheHostPrefixedSecureCookie_AndSignOutEndsTheSession()
    {
        await using var server = await DashboardServer.StartAsync("--Http:KnownProxies:0=127.0.0.1");
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" },
        });
        var page = await SignInAsAdminAsync(context, server);
        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == SessionCookie.HostName);
        Assert.True(cookie.Secure);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal("/", cookie.Path);
        Assert.Equal(HttpStatusCode.OK, await ReuseAsync(server, SessionCookie.HostName + "=" + cookie.Value, forwardedHttps: true));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" }).WaitForAsync();
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == SessionCookie.HostName);
        Assert.Equal(HttpStatusCode.Unauthorized, await ReuseAsync(server, SessionCookie.HostName + "=" + cookie.Value, forwardedHttps: true));
    }

    private static async Task<IPage> SignInAsAdminAsync(IBrowserContext context, DashboardServer server)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Address.ToString());
        await page.GetByLabel("API key").FillAsync(DashboardServer.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Tokens", Exact = true }).WaitForAsync();
        return page;
    }

    /// <summary>Sends a kept cookie value again, outside the browser.</summary>
    private static async Task<HttpStatusCode> ReuseAsync(DashboardServer server, string cookie, bool forwardedHttps)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/session", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        if (forwardedHttps)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public void DashboardFiles_Shipped_ReferenceNoOtherOrigin()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var files = System.IO.Directory.GetFiles(root, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("index.html", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(Path.Combine("js", "app.js"), StringComparison.Ordinal));
        foreach (var file in files.Where(f => !f.EndsWith(".png", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file).Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain("http://", text, StringComparison.Ordinal);
            Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
        }
    }
}
