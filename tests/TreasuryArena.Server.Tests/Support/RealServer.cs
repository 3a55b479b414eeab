using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace TreasuryArena.Server.Tests.Support;

/// <summary>The real server on Kestrel (127.0.0.1, a free port) over a test database, jobs off, the test admin key.</summary>
internal static class RealServer
{
    public static async Task<(WebApplication App, string Address)> StartAsync(TestDatabase db)
    {
        var app = ServerApp.Build([], b =>
        {
            b.Configuration["Arena:Database"] = db.Connection;
            b.Configuration["Arena:BootstrapAdminKey"] = ArenaFactory.AdminKey;
            b.Configuration["Arena:JobsEnabled"] = "false";
            b.Configuration["Logging:LogLevel:Default"] = "Warning";
            b.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await app.StartAsync();
        return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }
}
