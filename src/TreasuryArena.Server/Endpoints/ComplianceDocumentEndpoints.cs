using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;
using TreasuryArena.Infrastructure.Platform;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Contracts;

namespace TreasuryArena.Server.Endpoints;

/// <summary>
/// Compliance documents and ESIGN signatures, the yearly compliance review, and member erasure: thin adapters over
/// <see cref="ComplianceDocumentUseCases"/>.
/// </summary>
public static class ComplianceDocumentEndpoints
{
    public static IEndpointRouteBuilder MapComplianceDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var member = app.MapGroup("/api").WithTags("Compliance documents").RequireAuthorization(ApiKeyDefaults.MemberPolicy);
        member.MapGet("/documents/{kind}/current", Current);
        member.MapGet("/orgs/me/signatures", ListSignatures);
        member.MapPost("/orgs/me/signatures", Sign).RequireAuthorization(ApiKeyDefaults.TreasurerPolicy);
        member.MapGet("/orgs/me/compliance/review", Review);
        member.MapPost("/orgs/me/compliance/review", MarkReviewed).RequireAuthorization(ApiKeyDefaults.TreasurerPolicy);

        var admin = app.MapGroup("/api/admin").WithTags("Admin: compliance documents").RequireAuthorization(ApiKeyDefaults.AdminPolicy);
        admin.MapPost("/documents/{kind}", Publish);
        admin.MapPost("/orgs/{id:guid}/members/erase", EraseMember);
        admin.MapGet("/orgs/{id:guid}/export", Export);
        return app;
    }

    public static async Task<Ok<ComplianceDocumentResponse>> Current(string kind, HttpContext http, ComplianceDocumentUseCases documents) =>
        TypedResults.Ok(ComplianceDocumentResponse.From(await documents.CurrentAsync(kind, http.RequestAborted)));

    public static async Task<Created<ComplianceDocumentResponse>> Publish(string kind, PublishDocumentRequest request, HttpContext http, ComplianceDocumentUseCases documents)
    {
        var doc = await documents.PublishAsync(http.Caller(), kind, request.Version, request.Text, http.RequestAborted);
        return TypedResults.Created($"/api/documents/{kind}/current", ComplianceDocumentResponse.From(doc));
    }

    public static async Task<Created<SignatureResponse>> Sign(SignRequest request, HttpContext http, ComplianceDocumentUseCases documents)
    {
        var caller = http.Caller();
        var orgId = caller.OrganisationId ?? throw new DomainException(Outcome.OrganisationRequired, "only an organisation's treasurer signs");
        var signature = await documents.SignAsync(caller, orgId, request.Kind, request.DocumentVersion, request.TypedName, request.Consent, http.RequestAborted);
        return TypedResults.Created("/api/orgs/me/signatures", SignatureResponse.From(signature));
    }

    public static async Task<Ok<List<SignatureResponse>>> ListSignatures(HttpContext http, ComplianceDocumentUseCases documents)
    {
        var caller = http.Caller();
        var list = caller.OrganisationId is { } org ? await documents.SignaturesAsync(caller, org, http.RequestAborted) : [];
        return TypedResults.Ok(list.Select(SignatureResponse.From).ToList());
    }

    public static async Task<Ok<ComplianceReviewResponse>> Review(HttpContext http, ComplianceDocumentUseCases documents)
    {
        var caller = http.Caller();
        var orgId = caller.OrganisationId ?? throw new DomainException(Outcome.OrganisationRequired, "the review is an organisation's");
        return TypedResults.Ok(ComplianceReviewResponse.From(await documents.ReviewAsync(caller, orgId, http.RequestAborted)));
    }

    public static async Task<Ok<ComplianceReviewResponse>> MarkReviewed(ReviewMarkRequest request, HttpContext http, ComplianceDocumentUseCases documents)
    {
        var caller = http.Caller();
        var orgId = caller.OrganisationId ?? throw new DomainException(Outcome.OrganisationRequired, "the review is an organisation's");
        await documents.MarkReviewedAsync(caller, orgId, request.Item, http.RequestAborted);
        return TypedResults.Ok(ComplianceReviewResponse.From(await documents.ReviewAsync(caller, orgId, http.RequestAborted)));
    }

    /// <summary>All of an organisation's records as JSON (the same export as <c>arena org export</c>).</summary>
    public static async Task<Results<Ok<IReadOnlyDictionary<string, object?>>, NotFound>> Export(Guid id, HttpContext http, IIdentityStore identity, OrganisationExporter exporter)
    {
        if (await identity.FindOrganisationAsync(id, http.RequestAborted) is not { } org)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await exporter.ExportAsync(org, http.RequestAborted));
    }

    public static async Task<Ok<EraseMemberResponse>> EraseMember(Guid id, EraseMemberRequest request, HttpContext http, ComplianceDocumentUseCases documents, CallerCache cache)
    {
        var erased = await documents.EraseMemberAsync(http.Caller(), id, request.Member, http.RequestAborted);
        foreach (var key in erased.RevokedKeys)
        {
            cache.Invalidate(key); // the revoked keys stop at once (their sessions ended with them)
        }

        return TypedResults.Ok(new EraseMemberResponse(erased.Member.Id, erased.Pseudonym, erased.RevokedKeys.Count));
    }
}
