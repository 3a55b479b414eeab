using Microsoft.Net.Http.Headers;

namespace TreasuryArena.Server.Http;

/// <summary>
/// Security headers on every response (API, docs, dashboard pages, errors written by the exception handler or the status
/// code pages), set as the response starts: <c>X-Content-Type-Options: nosniff</c>, <c>Referrer-Policy: no-referrer</c>,
/// a Content-Security-Policy per kind of response (an endpoint that set its own, such as the evaluation report, keeps
/// it), <c>X-Frame-Options: DENY</c>, and <c>Strict-Transport-Security</c> when the request came over HTTPS. Kestrel's
/// <c>Server</c> banner is turned off in <see cref="ServerApp.Build"/>.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The dashboard's pages: this origin only (which also proves they need no network).</summary>
    public const string PagePolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>API answers are data, never a document: nothing may load from them and nothing may frame them.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>The API docs (Swagger UI): its own files, and the inline styles and script of its page.</summary>
    public const string DocsPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        + "script-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>One year, as browsers' preload lists expect.</summary>
    public const string HstsValue = "max-age=31536000; includeSubDomains";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
                {
                    headers.ContentSecurityPolicy = PolicyFor(http.Request.Path);
                }

                if (http.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = HstsValue;
                }

                return Task.CompletedTask;
            }, context);
            await next(context);
        });
        return app;
    }

    /// <summary>The Content-Security-Policy of a response to <paramref name="path"/>.</summary>
    public static string PolicyFor(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
            ? ApiPolicy
            : path.StartsWithSegments("/docs", StringComparison.OrdinalIgnoreCase) ? DocsPolicy : PagePolicy;
}
