using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TreasuryArena.Core.Identity;
using TreasuryArena.Server.Auth;

namespace TreasuryArena.Server.Endpoints;

/// <summary>
/// The dashboard's sign-in: the browser posts an API key once and gets back a server-side session (an opaque random id
/// in an HttpOnly, SameSite=Strict cookie, <c>__Host-</c> prefixed and Secure over HTTPS; see <see cref="SessionCookie"/>);
/// the database keeps only the id's SHA-256. From then on the API-key handler authenticates the cookie as the key the
/// session signed in with, so every API rule (roles, organisations, revocation, rate limits, audit) applies unchanged.
/// Unsafe methods authenticated by the cookie must also carry the <see cref="SessionCookie.DashboardHeader"/> header (a
/// cross-site form cannot set it), which closes the CSRF door. Logout ends the session on the server at once.
/// </summary>
public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/session").WithTags("Session").AllowAnonymous();
        group.MapPost("/", SignIn).DisableAntiforgery();
        group.MapGet("/", Current);
        group.MapDelete("/", SignOut);
        return app;
    }

    /// <summary>Signs in with an API key: 200 with who the key belongs to and a session cookie, or 401.</summary>
    public static async Task<Results<Ok<SessionResponse>, UnauthorizedHttpResult, ValidationProblem>> SignIn(
        SignInRequest request, HttpContext context, IdentityService identity, IIdentityStore store, SessionAuthenticator sessions)
    {
        if (string.IsNullOrWhiteSpace(request.Key))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["key"] = ["An API key is required."] });
        }

        var key = request.Key.Trim();
        if (key.Length > 200 || await identity.AuthenticateAsync(key, context.RequestAborted) is not { } caller)
        {
            return TypedResults.Unauthorized();
        }

        var started = await sessions.StartAsync(caller, context.RequestAborted);
        SessionCookie.Append(context, started.Id, sessions.AbsoluteTimeout);
        return TypedResults.Ok(await DescribeAsync(caller, store, context.RequestAborted));
    }

    /// <summary>Who is signed in (by cookie or bearer key), or 401.</summary>
    public static async Task<Results<Ok<SessionResponse>, UnauthorizedHttpResult>> Current(HttpContext context, IIdentityStore store) =>
        context.Features.Get<Caller>() is { } caller ? TypedResults.Ok(await DescribeAsync(caller, store, context.RequestAborted)) : TypedResults.Unauthorized();

    /// <summary>Signs out: ends the cookie's session on the server and removes the cookie. Always 204.</summary>
    public static async Task<NoContent> SignOut(HttpContext context, SessionAuthenticator sessions)
    {
        if (SessionCookie.Read(context.Request) is { } sessionId)
        {
            await sessions.EndAsync(sessionId, context.RequestAborted);
        }

        SessionCookie.Delete(context);
        return TypedResults.NoContent();
    }

    /// <summary>The caller with its organisation's name (the dashboard's "Signed in:" label), or none for an operator key.</summary>
    private static async Task<SessionResponse> DescribeAsync(Caller caller, IIdentityStore store, CancellationToken ct)
    {
        var organisation = caller.OrganisationId is { } id ? await store.FindOrganisationAsync(id, ct) : null;
        return new(Role: caller.Role.ToString().ToLowerInvariant(), Member: caller.MemberName, OrganizationId: caller.OrganisationId?.ToString(), Organization: organisation?.Name);
    }
}
