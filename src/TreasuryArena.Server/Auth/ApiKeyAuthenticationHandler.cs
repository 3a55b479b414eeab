using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Server.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> against the hashed keys; revoked keys fail. Keys are resolved
/// through <see cref="CallerCache"/> (the principal is built once per key and shared by its requests; nothing in the
/// pipeline changes it).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IdentityService identity,
    CallerCache cache) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("expected Authorization: Bearer <key>");
        }

        if (BearerKey(header) is not { } secret)
        {
            return AuthenticateResult.Fail("invalid key");
        }

        var hash = ApiKeySecret.Hash(secret);
        if (!cache.TryGet(hash, out var entry))
        {
            var generation = cache.Generation;
            var caller = await identity.AuthenticateAsync(secret, Context.RequestAborted);
            entry = cache.Set(hash, caller, caller is null ? null : Principal(caller), generation);
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
