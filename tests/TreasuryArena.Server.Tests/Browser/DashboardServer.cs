using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace TreasuryArena.Server.Tests.Browser;

/// <summary>The real server on Kestrel, bound to a free port on 127.0.0.1, over a SQLite file in a temp directory (fresh, or a copy of the demo).</summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private DashboardServer(WebApplication app, string directory, Uri address)
    {
        this.app = app;
        Directory = directory;
        Address = address;
    }

    public const string AdminKey = "ta_browser-test-admin-key-0123456789";

    public string Directory { get; }

    public Uri Address { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>A server over a new, empty database (only the bootstrap admin key).</summary>
    public static Task<DashboardServer> StartAsync(params string[] extraArgs)
    {
        var directory = Path.Combine(Path.GetTempPath(), "arena-browser-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return StartAsync(directory, Path.Combine(directory, "arena.db"), extraArgs);
    }

    /// <summary>A server over a copy of the demo database (see <see cref="DemoData"/>).</summary>
    public static Task<DashboardServer> StartAsync(DemoCopy demo) => StartAsync(demo.Directory, demo.Database, []);

    private static async Task<DashboardServer> StartAsync(string directory, string database, string[] extraArgs)
    {
        var app = ServerApp.Build(extraArgs, b =>
        {
            b.Configuration["Arena:Database"] = database;
            b.Configuration["Arena:BootstrapAdminKey"] = AdminKey;
            b.Configuration["Arena:JobsEnabled"] = "false";
            // The demo church has one treasurer, who approves its HYBRID proposal here; two-person approval (above
            // Approvals:DefaultThresholdUsd) has its own tests (Approvals/DualControlSuite).
            b.Configuration["Approvals:DefaultThresholdUsd"] = "0";
            b.Configuration["Logging:LogLevel:Default"] = "Warning";
            b.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DashboardServer(app, directory, new Uri(bound));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        DemoData.TryDelete(Directory);
    }
}
