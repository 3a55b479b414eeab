using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Server.Tests.Browser;

/// <summary>
/// One browser test's setup: a copy of the demo database, the real server over it, and a chromium page. Timeouts are
/// generous (the machine is a shared two-core box); every wait is for a selector or a response, never a sleep.
/// </summary>
public sealed class DashboardPage : IAsyncDisposable
{
    private const float Timeout = 90_000;

    private DashboardPage(DemoCopy demo, DashboardServer server, IBrowserContext context, IPage page)
    {
        Demo = demo;
        Server = server;
        Context = context;
        Page = page;
    }

    public DemoCopy Demo { get; }

    public DashboardServer Server { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public LedgerService Ledger => Server.Services.GetRequiredService<LedgerService>();

    public static async Task<DashboardPage> OpenAsync(BrowserFixture browser, int width = 1280, int height = 900, bool mobile = false)
    {
        var demo = await DemoData.CopyAsync();
        var server = await DashboardServer.StartAsync(demo);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = mobile,
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(Timeout);
        var page = await context.NewPageAsync();
        return new DashboardPage(demo, server, context, page);
    }

    /// <summary>The demo church's wallet in the given mode (the demo has one HYBRID and one MANUAL wallet).</summary>
    public string WalletIn(WalletMode mode) => Ledger.ListWallets().First(w => w.Mode == mode).Address;

    public async Task SignInAsync(string key)
    {
        await Page.GotoAsync(Server.Address.ToString());
        await Page.GetByLabel("API key").FillAsync(key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Tokens", Exact = true }).WaitForAsync();
    }

    /// <summary>Goes to a dashboard route (e.g. <c>#/wallets/0x…</c>) and waits for its heading.</summary>
    public async Task GoAsync(string hash, string heading)
    {
        await Page.GotoAsync(new Uri(Server.Address, "/" + hash).ToString());
        await Page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 }).WaitForAsync();
    }

    /// <summary>Waits until no section still shows "Loading…" (every lazy card answered, with data or an error).</summary>
    public Task SettledAsync() =>
        Page.WaitForFunctionAsync("() => !document.querySelector('#main .loading')", null, new() { Timeout = Timeout });

    /// <summary>A POST from inside the signed-in page, as the dashboard's own script would send it; returns the HTTP status.</summary>
    public Task<int> ForcePostAsync(string path, object body) =>
        Page.EvaluateAsync<int>(
            "async ([path, body]) => (await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', 'X-Arena-Dashboard': '1', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify(body) })).status",
            new object[] { path, body });

    public async Task<bool> HasHorizontalOverflowAsync() =>
        await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await Server.DisposeAsync();
    }
}
