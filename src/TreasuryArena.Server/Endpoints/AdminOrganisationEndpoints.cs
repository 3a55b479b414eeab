using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Contracts;

namespace TreasuryArena.Server.Endpoints;

/// <summary>Admin: organisations (create, list, verify, reject, plan) and API keys (issue, list, revoke).</summary>
public static class AdminOrganisationEndpoints
{
    public static IEndpointRouteBuilder MapAdminOrganisationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin: organisations and keys").RequireAuthorization(ApiKeyDefaults.AdminPolicy);
        group.MapPost("/orgs", CreateOrganisation);
        group.MapGet("/orgs", ListOrganisations);
        group.MapGet("/orgs/{id:guid}", GetOrganisation);
        group.MapPost("/orgs/{id:guid}/verify", VerifyOrganisation);
        group.MapPost("/orgs/{id:guid}/reject", RejectOrganisation);
        group.MapPost("/orgs/{id:guid}/plan", SetPlan);
        group.MapPost("/orgs/{id:guid}/keys", IssueOrganisationKey);
        group.MapGet("/orgs/{id:guid}/keys", ListOrganisationKeys);
        group.MapPost("/keys", IssueAdminKey);
        group.MapPost("/keys/{id:guid}/revoke", RevokeKey);
        return app;
    }

    public static async Task<Created<OrganisationResponse>> CreateOrganisation(CreateOrganisationRequest request, HttpContext http, [AsParameters] PlatformServices s)
    {
        Organisation org;
        try
        {
            org = await s.Identity.CreateOrganisationAsync(http.Caller(), request.Name, request.Type, request.Plan, http.RequestAborted);
        }
        catch (DomainException ex) when (ex.Outcome == Outcome.OrganisationExists)
        {
            // IdentityService audited the refusal as org.create (as for the CLI): not a second time as an HTTP refusal.
            http.Items[Http.RefusalAuditMiddleware.AlreadyAuditedItem] = true;
            throw;
        }

        return TypedResults.Created($"/api/admin/orgs/{org.Id}", OrganisationResponse.From(org, null, null, null));
    }

    public static async Task<Ok<List<OrganisationResponse>>> ListOrganisations(HttpContext http, [AsParameters] PlatformServices s)
    {
        var current = await s.ComplianceStore.CurrentDisclosureAsync(http.RequestAborted);
        var result = new List<OrganisationResponse>();
        foreach (var org in await s.IdentityStore.ListOrganisationsAsync(http.RequestAborted))
        {
            result.Add(await DescribeAsync(org, current, s, http.RequestAborted));
        }

        return TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<OrganisationResponse>, NotFound>> GetOrganisation(Guid id, HttpContext http, [AsParameters] PlatformServices s)
    {
        var org = await s.IdentityStore.FindOrganisationAsync(id, http.RequestAborted);
        if (org is null)
        {
            return TypedResults.NotFound();
        }

        var current = await s.ComplianceStore.CurrentDisclosureAsync(http.RequestAborted);
        return TypedResults.Ok(await DescribeAsync(org, current, s, http.RequestAborted));
    }

    public static async Task<Ok<OrganisationResponse>> VerifyOrganisation(Guid id, VerifyOrganisationRequest request, HttpContext http, [AsParameters] PlatformServices s)
    {
        await s.Compliance.VerifyAsync(http.Caller(), id, request.EntityType, request.Registration, request.Reviewer, http.RequestAborted);
        var org = await s.Identity.RequireOrganisationAsync(id, http.RequestAborted);
        var current = await s.ComplianceStore.CurrentDisclosureAsync(http.RequestAborted);
        return TypedResults.Ok(await DescribeAsync(org, current, s, http.RequestAborted));
    }

    public static async Task<Ok<OrganisationResponse>> RejectOrganisation(Guid id, ReasonRequest request, HttpContext http, [AsParameters] PlatformServices s)
    {
        var org = await s.Compliance.RejectAsync(http.Caller(), id, request.Reason ?? "", http.RequestAborted);
        var current = await s.ComplianceStore.CurrentDisclosureAsync(http.RequestAborted);
        return TypedResults.Ok(await DescribeAsync(org, current, s, http.RequestAborted));
    }

    public static async Task<Ok<OrganisationResponse>> SetPlan(Guid id, SetPlanRequest request, HttpContext http, [AsParameters] PlatformServices s)
    {
        var org = await s.Identity.SetPlanAsync(http.Caller(), id, request.Plan, http.RequestAborted);
        var current = await s.ComplianceStore.CurrentDisclosureAsync(http.RequestAborted);
        return TypedResults.Ok(await DescribeAsync(org, current, s, http.RequestAborted));
    }

    public static async Task<Created<IssuedKeyResponse>> IssueOrganisationKey(Guid id, IssueKeyRequest request, HttpContext http, [AsParameters] PlatformServices s)
    {
        if (request.Role == Role.Admin)
        {
            throw new DomainException(Outcome.InvalidRole, "admin keys belong to no organisation: issue them with POST /api/admin/keys");
        }

        var issued = await s.Identity.IssueKeyAsync(http.Caller(), id, request.Member, request.Role, http.RequestAborted);
        return TypedResults.Created($"/api/admin/keys/{issued.Record.Id}", IssuedKeyResponse.From(issued));
    }

    public static async Task<Ok<List<KeyResponse>>> ListOrganisationKeys(Guid id, HttpContext http, [AsParameters] PlatformServices s)
    {
        await s.Identity.RequireOrganisationAsync(id, http.RequestAborted);
        var keys = await s.IdentityStore.ListKeysAsync(id, http.RequestAborted);
        var result = new List<KeyResponse>(keys.Count);
        foreach (var k in keys)
        {
            result.Add(KeyResponse.From(k, (await s.IdentityStore.FindMemberAsync(k.MemberId, http.RequestAborted))?.Name));
        }

        return TypedResults.Ok(result);
    }

    public static async Task<Created<IssuedKeyResponse>> IssueAdminKey(IssueKeyRequest request, HttpContext http, [AsParameters] PlatformServices s)
    {
        var issued = await s.Identity.IssueKeyAsync(http.Caller(), null, request.Member, Role.Admin, http.RequestAborted);
        return TypedResults.Created($"/api/admin/keys/{issued.Record.Id}", IssuedKeyResponse.From(issued));
    }

    public static async Task<NoContent> RevokeKey(Guid id, HttpContext http, [AsParameters] PlatformServices s)
    {
        await s.Identity.RevokeKeyAsync(http.Caller(), id, null, http.RequestAborted);
        s.Cache.Invalidate(id);
        return TypedResults.NoContent();
    }

    internal static async Task<OrganisationResponse> DescribeAsync(Organisation org, TreasuryArena.Core.Compliance.RiskDisclosure? current, PlatformServices s, CancellationToken ct)
    {
        var evidence = await s.ComplianceStore.FindVerificationAsync(org.Id, ct);
        var attestation = await s.ComplianceStore.LatestAttestationAsync(org.Id, ct);
        return OrganisationResponse.From(org, evidence, attestation, current);
    }
}
