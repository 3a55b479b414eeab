using Microsoft.Playwright;

namespace TreasuryArena.Server.Tests.Browser;

/// <summary>One Playwright driver and one headless chromium shared by the browser tests (each test gets its own context).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    private static readonly string[] LaunchArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;

    public static string? ChromiumPath { get; } = Environment.GetEnvironmentVariable("ARENA_CHROMIUM") is { Length: > 0 } env && File.Exists(env)
        ? env
        : Candidates.FirstOrDefault(File.Exists);

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (ChromiumPath is null)
        {
            return;
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = LaunchArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }

    /// <summary>The screenshots kept in the repository's <c>docs/screenshots</c> (the README links them).</summary>
    private static readonly string[] DocsScreenshots =
    [
        "dashboard", "token", "wallet", "wallets", "treasury", "admin",
        // issue 22: the treasurer's journey and the daily report, on a desktop and on a 375 px phone
        "disclosure", "building-fund", "daily-report", "disclosure-phone", "wallets-phone", "daily-report-phone", "admin-phone",
        // issues 21/22: approvals, the organisation page, notifications and reports (desktop and phone)
        "approvals", "organisation", "notifications", "reports", "approvals-phone", "organisation-phone", "notifications-phone",
    ];

    /// <summary>Where screenshots go: <c>TestResults/screenshots</c> next to the test binaries, and for the main pages
    /// <c>docs/screenshots</c> of the repository as well when <c>ARENA_UPDATE_SCREENSHOTS=1</c>.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var results = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(results);
        await page.Mouse.MoveAsync(0, 0); // no hover highlight in the picture
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(results, name + ".png"), FullPage = true });
        if (Environment.GetEnvironmentVariable("ARENA_UPDATE_SCREENSHOTS") == "1" && DocsScreenshots.Contains(name) && RepositoryRoot() is { } root)
        {
            var docs = Path.Combine(root, "docs", "screenshots");
            Directory.CreateDirectory(docs);
            File.Copy(Path.Combine(results, name + ".png"), Path.Combine(docs, name + ".png"), overwrite: true);
        }
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TreasuryArena.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
