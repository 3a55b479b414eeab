using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Policy;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Contracts;

namespace TreasuryArena.Server.Endpoints;

/// <summary>
/// The caller's organisation's Investment Policy Statement: read (members), change (treasurer; a partial body sets some
/// clauses only, audited <c>policy.set</c> by <see cref="PolicyUseCases.ProposeChangeAsync"/>), and the breaches of its holdings.
/// </summary>
public static class PolicyEndpoints
{
    public static IEndpointRouteBuilder MapPolicyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orgs/me/policy").WithTags("Policy").RequireAuthorization(ApiKeyDefaults.MemberPolicy);
        group.MapGet("", Get);
        group.MapPut("", Put).RequireAuthorization(ApiKeyDefaults.TreasurerPolicy);
        group.MapGet("/breaches", Breaches);
        return app;
    }

    public static async Task<Ok<PolicyResponse>> Get(HttpContext http, PolicyUseCases policies) =>
        TypedResults.Ok(PolicyResponse.From(await policies.ShowAsync(http.Caller(), Organisation(http), http.RequestAborted)));

    public static async Task<Ok<PolicyResponse>> Put(PolicyDocument request, HttpContext http, PolicyUseCases policies)
    {
        ArgumentNullException.ThrowIfNull(request);
        var version = await policies.ProposeChangeAsync(http.Caller(), Organisation(http), request.ToChange(), http.RequestAborted);
        return TypedResults.Ok(PolicyResponse.From(version));
    }

    public static async Task<Ok<PolicyBreachesResponse>> Breaches(HttpContext http, PolicyUseCases policies) =>
        TypedResults.Ok(PolicyBreachesResponse.From(await policies.BreachesAsync(http.Caller(), Organisation(http), http.RequestAborted)));

    private static Guid Organisation(HttpContext http) =>
        http.Caller().OrganisationId ?? throw new DomainException(Outcome.OrganisationRequired, "an organisation's policy is read with a member's key (operators: arena policy show --org NAME)");
}
