using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Hosting;

namespace TreasuryArena.Server.Endpoints;

/// <summary>
/// What the web dashboard (static files in <c>wwwroot/</c>, served at <c>/</c>) needs from the host: its server-side
/// sessions. The cookie holds a random session id, not an encrypted key, and nothing else of the server protects data
/// with Data Protection (no antiforgery tokens: unsafe cookie requests need the dashboard's header), so the key ring that
/// authentication registers stays in memory (<see cref="InMemoryXmlRepository"/>) and is never written to disk.
/// </summary>
public static class DashboardFiles
{
    /// <summary>Registers the dashboard's session cache and authenticator.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddSingleton<SessionCache>();
        services.AddSingleton<SessionAuthenticator>();
        // In memory, so unencrypted there is as safe as the process (and no "no XML encryptor" warning at start).
        services.AddDataProtection();
        services.Configure<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new InMemoryXmlRepository();
            o.XmlEncryptor = new NullXmlEncryptor();
        });
        return services;
    }
}
