using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Server.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> against the hashed keys, or else the dashboard's session
/// cookie as the key its session signed in with; revoked keys fail. Keys are resolved through <see cref="CallerCache"/>
/// (the principal is built once per key and shared by its requests; nothing in the pipeline changes it).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IdentityService identity,
    CallerCache cache,
    SessionAuthenticator sessions) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return await AuthenticateSessionAsync();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("expected Authorization: Bearer <key>");
        }

        if (BearerKey(header) is not { } secret)
        {
            return AuthenticateResult.Fail("invalid key");
        }

        return await ResolveAsync(ApiKeySecret.Hash(secret), secret, Guid.Empty);
    }

    /// <summary>
    /// The dashboard's session cookie (see <see cref="SessionCookie"/>): its session's API key, resolved like a bearer key
    /// (cached by key id, so a revocation through this instance applies at once). On an unsafe method the cookie counts
    /// only with the <see cref="SessionCookie.DashboardHeader"/> header, which a cross-site form cannot send.
    /// </summary>
    private async Task<AuthenticateResult> AuthenticateSessionAsync()
    {
        if (SessionCookie.Read(Request) is not { } sessionId)
        {
            return AuthenticateResult.NoResult();
        }

        var method = Request.Method;
        if (!(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
              || Request.Headers.ContainsKey(SessionCookie.DashboardHeader)))
        {
            return AuthenticateResult.NoResult();
        }

        if (await sessions.ResolveAsync(sessionId, Context.RequestAborted) is not { } keyId)
        {
            return AuthenticateResult.Fail("session ended or expired");
        }

        return await ResolveAsync("key:" + keyId.ToString("N"), null, keyId);
    }

    /// <summary>The caller for a cache key (a key's hash, or its id for a session), read by the key or by its id on a miss.</summary>
    private async Task<AuthenticateResult> ResolveAsync(string cacheKey, string? secret, Guid keyId)
    {
        if (!cache.TryGet(cacheKey, out var entry))
        {
            var generation = cache.Generation;
            var caller = secret is not null
                ? await identity.AuthenticateAsync(secret, Context.RequestAborted)
                : await identity.AuthenticateKeyIdAsync(keyId, Context.RequestAborted);
            entry = cache.Set(cacheKey, caller, caller is null ? null : Principal(caller), generation);
        }

        if (entry.Caller is null)
        {
            return AuthenticateResult.Fail("unknown or revoked key");
        }

        Context.Features.Set(entry.Caller);
        return AuthenticateResult.Success(new AuthenticationTicket(entry.Principal!, ApiKeyDefaults.Scheme));
    }

    /// <summary>The key of an <c>Authorization: Bearer &lt;key&gt;</c> header (trimmed, 1 to 200 characters), or null.</summary>
    public static string? BearerKey(string? header)
    {
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var key = header.AsSpan("Bearer ".Length).Trim();
        return key.Length is 0 or > 200 ? null : key.ToString();
    }

    private static ClaimsPrincipal Principal(Caller caller)
    {
        var role = caller.Role.ToString().ToLower(CultureInfo.InvariantCulture);
        var claims = new List<Claim>
        {
            new(ApiKeyDefaults.KeyIdClaim, caller.KeyId.ToString()),
            new(ApiKeyDefaults.MemberIdClaim, caller.MemberId.ToString()),
            new(ApiKeyDefaults.MemberNameClaim, caller.MemberName),
            new(ApiKeyDefaults.RoleClaim, role),
            new(ClaimTypes.Role, role),
        };
        if (caller.OrganisationId is { } org)
        {
            claims.Add(new Claim(ApiKeyDefaults.OrganisationClaim, org.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyDefaults.Scheme));
    }
}
