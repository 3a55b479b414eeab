using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Server.Auth;

namespace TreasuryArena.Server.Endpoints;

/// <summary>
/// What the web dashboard (static files in <c>wwwroot/</c>, served at <c>/</c>) needs from the host: its server-side
/// sessions. No Data Protection key ring: the cookie holds a random session id, not an encrypted key, and nothing else
/// of the server protects data with it (no antiforgery tokens: unsafe cookie requests need the dashboard's header).
/// </summary>
public static class DashboardFiles
{
    /// <summary>Registers the dashboard's session cache and authenticator.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddSingleton<SessionCache>();
        services.AddSingleton<SessionAuthenticator>();
        return services;
    }
}
