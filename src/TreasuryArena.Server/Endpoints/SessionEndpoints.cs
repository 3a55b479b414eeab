using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace TreasuryArena.Server.Endpoints;

/// <summary>
/// The dashboard's sign-in: the browser posts an API key once, gets back an HttpOnly, SameSite=Strict cookie holding
/// the key encrypted by ASP.NET Data Protection (time-limited), and from then on <see cref="UseDashboardSession"/>
/// turns that cookie into the same <c>Authorization: Bearer</c> header other programs send, so every API rule (roles,
/// organisations, rate limits, audit) applies unchanged. Unsafe methods authenticated by the cookie must also carry
/// the <see cref="DashboardHeader"/> header (a cross-site form cannot set it), which closes the CSRF door.
/// </summary>
public static class SessionEndpoints
{
    public const string CookieName = "arena_session";
    public const string DashboardHeader = "X-Arena-Dashboard";
    private const string Purpose = "TreasuryArena.Server.DashboardSession.v1";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>Call before authentication: converts a valid session cookie into a bearer header.</summary>
    public static IApplicationBuilder UseDashboardSession(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Headers.ContainsKey("Authorization")
            && context.Request.Cookies.TryGetValue(CookieName, out var cookie)
            && !string.IsNullOrEmpty(cookie))
        {
            var key = Unprotect(context, cookie);
            var safe = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                || HttpMethods.IsOptions(context.Request.Method);
            if (key is not null && (safe || context.Request.Headers.ContainsKey(DashboardHeader)))
            {
                context.Request.Headers.Authorization = "Bearer " + key;
            }
        }

        await next(context);
    });

    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/session").WithTags("Session").AllowAnonymous();
        group.MapPost("/", SignIn).DisableAntiforgery();
        group.MapGet("/", (Delegate)Current); // a cast: with HttpContext alone it would bind as a RequestDelegate
        group.MapDelete("/", SignOut);
        return app;
    }

    /// <summary>Signs in with an API key: 200 with who the key belongs to and a session cookie, or 401.</summary>
    public static async Task<Results<Ok<SessionResponse>, UnauthorizedHttpResult, ValidationProblem>> SignIn(
        SignInRequest request, HttpContext context)
    {
        if (string.IsNullOrWhiteSpace(request.Key))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["key"] = ["An API key is required."] });
        }

        var key = request.Key.Trim();
        // Authentication already ran for this request (without a key), and handlers cache their result per request,
        // so the key is checked on a fresh request context in its own scope.
        using var scope = context.RequestServices.CreateScope();
        var probe = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        probe.Request.Headers.Authorization = "Bearer " + key;
        probe.Connection.RemoteIpAddress = context.Connection.RemoteIpAddress;
        var result = await AuthenticateAsync(probe);
        if (result?.Succeeded != true || result.Principal?.Identity?.IsAuthenticated != true)
        {
            return TypedResults.Unauthorized();
        }

        var protector = Protector(context);
        context.Response.Cookies.Append(CookieName, protector.Protect(key, Lifetime), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = Lifetime,
            IsEssential = true,
        });
        return TypedResults.Ok(Describe(result.Principal));
    }

    /// <summary>Who is signed in (by cookie or bearer key), or 401.</summary>
    public static async Task<Results<Ok<SessionResponse>, UnauthorizedHttpResult>> Current(HttpContext context)
    {
        var principal = context.User;
        if (principal.Identity?.IsAuthenticated != true)
        {
            var result = await AuthenticateAsync(context);
            principal = result?.Succeeded == true ? result.Principal : null;
        }

        return principal?.Identity?.IsAuthenticated == true
            ? TypedResults.Ok(Describe(principal))
            : TypedResults.Unauthorized();
    }

    /// <summary>Signs out: removes the cookie. Always 204.</summary>
    public static NoContent SignOut(HttpContext context)
    {
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/", SameSite = SameSiteMode.Strict });
        return TypedResults.NoContent();
    }

    /// <summary>Runs the server's API-key authentication on this request; null when none is configured.</summary>
    private static async Task<AuthenticateResult?> AuthenticateAsync(HttpContext context)
    {
        var schemes = context.RequestServices.GetService<IAuthenticationSchemeProvider>();
        if (schemes is null || await schemes.GetDefaultAuthenticateSchemeAsync() is null)
        {
            return null;
        }

        return await context.AuthenticateAsync();
    }

    private static SessionResponse Describe(ClaimsPrincipal principal)
    {
        static string? First(ClaimsPrincipal p, params string[] types) =>
            types.Select(t => p.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrEmpty(v));

        return new SessionResponse(
            Role: (First(principal, "arena:role", ClaimTypes.Role) ?? "viewer").ToLowerInvariant(),
            Member: First(principal, "arena:member", ClaimTypes.Name),
            OrganizationId: First(principal, "arena:org"),
            Organization: First(principal, "arena:org_name"));
    }

    private static ITimeLimitedDataProtector Protector(HttpContext context) =>
        context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).ToTimeLimitedDataProtector();

    private static string? Unprotect(HttpContext context, string cookie)
    {
        try
        {
            return Protector(context).Unprotect(cookie);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // expired, tampered with, or from another key ring: treated as no session
        }
    }
}
