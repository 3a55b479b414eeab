using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Common;
using TreasuryArena.Infrastructure.Notifications;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Contracts;

namespace TreasuryArena.Server.Endpoints;

/// <summary>A member's own organisation: its compliance state, attestation, holds and notifications.</summary>
public static class OrganisationEndpoints
{
    public static IEndpointRouteBuilder MapOrganisationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Organisation").RequireAuthorization(ApiKeyDefaults.MemberPolicy);
        group.MapGet("/orgs/me", GetMine);
        group.MapPost("/orgs/attest", Attest).RequireAuthorization(ApiKeyDefaults.TreasurerPolicy);
        group.MapGet("/disclosures/current", CurrentDisclosure);
        group.MapGet("/orgs/disclosures/current", CurrentDisclosure);
        group.MapGet("/holds", ListHolds);
        group.MapGet("/notifications", ListNotifications);
        return app;
    }

    public static async Task<Results<Ok<OrganisationResponse>, NotFound>> GetMine(HttpContext http, [AsParameters] PlatformServices s)
    {
        if (http.Caller().OrganisationId is not { } orgId || await s.IdentityStore.FindOrganisationAsync(orgId, http.RequestAborted) is not { } org)
        {
            return TypedResults.NotFound();
        }

        var current = await s.ComplianceStore.CurrentDisclosureAsync(http.RequestAborted);
        return TypedResults.Ok(await AdminOrganisationEndpoints.DescribeAsync(org, current, s, http.RequestAborted));
    }

    public static async Task<Created<AttestationResponse>> Attest(AttestRequest request, HttpContext http, [AsParameters] PlatformServices s)
    {
        var caller = http.Caller();
        var orgId = caller.OrganisationId ?? throw new DomainException(Outcome.OrganisationRequired, "only an organisation's treasurer attests");
        var attestation = await s.Compliance.AttestAsync(caller, orgId, request.DocumentVersion, request.Signer, http.RequestAborted);
        return TypedResults.Created("/api/orgs/me", AttestationResponse.From(attestation));
    }

    public static async Task<Results<Ok<DisclosureResponse>, NotFound>> CurrentDisclosure(HttpContext http, [AsParameters] PlatformServices s)
    {
        var current = await s.ComplianceStore.CurrentDisclosureAsync(http.RequestAborted);
        return current is null ? TypedResults.NotFound() : TypedResults.Ok(DisclosureResponse.From(current));
    }

    public static async Task<Ok<List<HoldResponse>>> ListHolds(HttpContext http, [AsParameters] PlatformServices s, TokensRuntime tokens)
    {
        var caller = http.Caller();
        var holds = caller.OrganisationId is { } org ? await s.ComplianceStore.ListHoldsAsync(null, org, http.RequestAborted) : [];
        return TypedResults.Ok(holds.Select(h => HoldResponse.From(h, tokens.Holds.Lifetime)).ToList());
    }

    public static async Task<Ok<List<NotificationResponse>>> ListNotifications(HttpContext http, SqlNotificationOutbox outbox)
    {
        var caller = http.Caller();
        return TypedResults.Ok(caller.OrganisationId is { } org ? await NotificationEndpoints.ListAsync(outbox, org, 100, http.RequestAborted) : []);
    }
}
