using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Server.Auth;

/// <summary>Authenticates <c>Authorization: Bearer &lt;key&gt;</c> against the hashed keys; revoked keys fail.</summary>
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

        var key = header["Bearer ".Length..].Trim();
        if (key.Length is 0 or > 200)
        {
            return AuthenticateResult.Fail("invalid key");
        }

        var hash = ApiKeySecret.Hash(key);
        if (!cache.TryGet(hash, out var caller))
        {
            caller = await identity.AuthenticateAsync(key, Context.RequestAborted);
            cache.Set(hash, caller);
        }

        if (caller is null)
        {
            return AuthenticateResult.Fail("unknown or revoked key");
        }

        Context.Features.Set(caller);
        var claims = new List<Claim>
        {
            new(ApiKeyDefaults.KeyIdClaim, caller.KeyId.ToString()),
            new(ApiKeyDefaults.MemberIdClaim, caller.MemberId.ToString()),
            new(ApiKeyDefaults.MemberNameClaim, caller.MemberName),
            new(ApiKeyDefaults.RoleClaim, caller.Role.ToString().ToLower(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Role, caller.Role.ToString().ToLower(CultureInfo.InvariantCulture)),
        };
        if (caller.OrganisationId is { } org)
        {
            claims.Add(new Claim(ApiKeyDefaults.OrganisationClaim, org.ToString()));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyDefaults.Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiKeyDefaults.Scheme));
    }
}
