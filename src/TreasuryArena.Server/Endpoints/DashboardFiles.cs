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

    /// <summary>Security headers for the dashboard's pages: this origin only (which also proves it needs no network).</summary>
    public static IApplicationBuilder UseDashboardHeaders(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                && !context.Request.Path.StartsWithSegments("/docs", StringComparison.OrdinalIgnoreCase))
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                    + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
            }

            await next(context);
        });
        return app;
    }
}
