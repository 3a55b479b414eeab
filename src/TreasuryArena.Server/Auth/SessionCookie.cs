namespace TreasuryArena.Server.Auth;

/// <summary>
/// The dashboard's session cookie: <c>__Host-arena_session</c> with <c>Secure</c> whenever the request is HTTPS (directly,
/// or per <c>X-Forwarded-Proto</c> from a configured proxy); always <c>HttpOnly</c>, <c>SameSite=Strict</c>,
/// <c>Path=/</c>, no <c>Domain</c>. Over plain HTTP (a development server on 127.0.0.1) a <c>__Host-</c> cookie must
/// still be <c>Secure</c>, which only some browsers accept on loopback and which HTTP clients do not send back over
/// plain HTTP, so the cookie is the unprefixed <c>arena_session</c> there; it is read only on plain-HTTP requests, never
/// over HTTPS (where an unprefixed cookie could have been planted by a sibling host).
/// </summary>
public static class SessionCookie
{
    public const string HostName = "__Host-arena_session";
    public const string PlainName = "arena_session";

    /// <summary>Unsafe methods authenticated by the cookie must also carry this header (a cross-site form cannot set it).</summary>
    public const string DashboardHeader = "X-Arena-Dashboard";

    public static string Name(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.IsHttps ? HostName : PlainName;
    }

    public static string? Read(HttpRequest request) =>
        request.Cookies.TryGetValue(Name(request), out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public static void Append(HttpContext context, string sessionId, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(Name(context.Request), sessionId, Options(context.Request, maxAge));
    }

    public static void Delete(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(Name(context.Request), Options(context.Request, null));
    }

    private static CookieOptions Options(HttpRequest request, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        Path = "/",
        MaxAge = maxAge,
        IsEssential = true,
    };
}
