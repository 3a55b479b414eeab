using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TreasuryArena.Server.Endpoints;

/// <summary>
/// What the web dashboard (static files in <c>wwwroot/</c>, served at <c>/</c>) needs from the host: Data Protection for
/// its session cookie and a content security policy that allows this origin only.
/// </summary>
public static class DashboardFiles
{
    /// <summary>Registers what the dashboard's session cookie needs (Data Protection).</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddDataProtection();
        return services;
    }
}
