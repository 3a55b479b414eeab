using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using TreasuryArena.Infrastructure.Configuration;
using TreasuryArena.Server.Hosting;

namespace TreasuryArena.Server.Http;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> honoured only from the proxies of <see cref="ProxyOptions"/>
/// (ASP.NET's default trust of loopback is cleared): behind a TLS-terminating proxy the request is then HTTPS, so the
/// session cookie is <c>Secure</c> and <c>__Host-</c> prefixed and HSTS is sent, and the client's address is the one
/// the proxy saw (rate limits per address). With no proxy configured the middleware is not added at all.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddArenaForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.SectionName).ValidateByThrowing(o => o.Validate());
        services.AddSingleton(new KnownSection(ProxyOptions.SectionName, typeof(ProxyOptions)));
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, proxies) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.Value.Proxies())
            {
                o.KnownProxies.Add(proxy);
            }

            foreach (var network in proxies.Value.Networks())
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after it (security headers, sessions, rate limits) sees the original request.</summary>
    public static IApplicationBuilder UseArenaForwardedHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.ApplicationServices.GetRequiredService<IOptions<ProxyOptions>>().Value.Any ? app.UseForwardedHeaders() : app;
    }
}
