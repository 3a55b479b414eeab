using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Policy;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Contracts;

namespace TreasuryArena.Server.Endpoints;

/// <summary>
/// The caller's organisation's Investment Policy Statement: read (members), change (a treasurer or approver; a partial
/// body sets some clauses only; <see cref="PolicyUseCases.ProposeChangeAsync"/> stores it as awaiting a second, different
/// member's approval: 202 with the approval, applied by <c>POST /api/approvals/{id}/approve</c>), and the breaches of its holdings.
/// </summary>
public static class PolicyEndpoints
{
    public static IEndpointRouteBuilder MapPolicyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orgs/me/policy").WithTags("Policy").RequireAuthorization(ApiKeyDefaults.MemberPolicy);
        group.MapGet("", Get);
        group.MapPut("", Put);
        group.MapGet("/breaches", Breaches);
        return app;
    }

    public static async Task<Ok<PolicyResponse>> Get(HttpContext http, PolicyUseCases policies) =>
        TypedResults.Ok(PolicyResponse.From(await policies.ShowAsync(http.Caller(), Organisation(http), http.RequestAborted)));

    /// <summary>A member's change: 202 <c>awaiting_second_approval</c> with the approval (an admin's key has no organisation here).</summary>
    public static async Task<Results<Ok<PolicyResponse>, Accepted<ApprovalResponse>>> Put(PolicyDocument request, HttpContext http, PolicyUseCases policies)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await policies.ProposeChangeAsync(http.Caller(), Organisation(http), request.ToChange(), http.RequestAborted);
        return outcome.Approval is { } pending
            ? TypedResults.Accepted($"/api/approvals/{pending.Id}", ApprovalResponse.From(pending))
            : TypedResults.Ok(PolicyResponse.From(outcome.Version!));
    }

    public static async Task<Ok<PolicyBreachesResponse>> Breaches(HttpContext http, PolicyUseCases policies) =>
        TypedResults.Ok(PolicyBreachesResponse.From(await policies.BreachesAsync(http.Caller(), Organisation(http), http.RequestAborted)));

    private static Guid Organisation(HttpContext http) =>
        http.Caller().OrganisationId ?? throw new DomainException(Outcome.OrganisationRequired, "an organisation's policy is read with a member's key (operators: arena policy show --org NAME)");
}
