using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Infrastructure.Notifications;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Contracts;
using TreasuryArena.Server.Http;

namespace TreasuryArena.Server.Endpoints;

/// <summary>Admin: risk disclosures, the platform halt, held trades, notifications, audit-chain verification.</summary>
public static class AdminComplianceEndpoints
{
    public static IEndpointRouteBuilder MapAdminComplianceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin: compliance and audit").RequireAuthorization(ApiKeyDefaults.AdminPolicy);
        group.MapPost("/disclosures", PublishDisclosure);
        group.MapGet("/halt", GetHalt);
        group.MapPost("/halt", Halt);
        group.MapPost("/resume", Resume);
        group.MapGet("/holds", ListHolds);
        group.MapPost("/holds/{id:guid}/reject", RejectHold);
        group.MapPost("/holds/expire", ExpireHolds);
        group.MapGet("/notifications", ListNotifications);
        group.MapGet("/audit", ListAudit);
        group.MapGet("/audit/verify", VerifyAudit);
        return app;
    }

    public static async Task<Created<DisclosureResponse>> PublishDisclosure(PublishDisclosureRequest request, HttpContext http, [AsParameters] PlatformServices s)
    {
        var doc = await s.Compliance.PublishDisclosureAsync(http.Caller(), request.Version, request.Text, http.RequestAborted);
        return TypedResults.Created("/api/disclosures/current", DisclosureResponse.From(doc));
    }

    public static async Task<Ok<HaltResponse>> GetHalt(HttpContext http, [AsParameters] PlatformServices s) =>
        TypedResults.Ok(HaltResponse.From(await s.ComplianceStore.HaltStateAsync(http.RequestAborted)));

    public static async Task<Ok<HaltResponse>> Halt(ReasonRequest request, HttpContext http, [AsParameters] PlatformServices s) =>
        TypedResults.Ok(HaltResponse.From(await s.Compliance.SetHaltAsync(http.Caller(), true, request.Reason, http.RequestAborted)));

    public static async Task<Ok<HaltResponse>> Resume(HttpContext http, [AsParameters] PlatformServices s) =>
        TypedResults.Ok(HaltResponse.From(await s.Compliance.SetHaltAsync(http.Caller(), false, null, http.RequestAborted)));

    public static async Task<Results<Ok<List<HoldResponse>>, ProblemHttpResult>> ListHolds(string? status, string? organisation_id, HttpContext http, [AsParameters] PlatformServices s, TokensRuntime tokens)
    {
        if (QueryParams.Choice<HoldStatus>("status", status, out var filter) is { } badStatus)
        {
            return badStatus;
        }

        if (QueryParams.Id("organisation_id", organisation_id, out var organisation) is { } badOrganisation)
        {
            return badOrganisation;
        }

        var holds = await s.ComplianceStore.ListHoldsAsync(filter, organisation, http.RequestAborted);
        return TypedResults.Ok(holds.Select(h => HoldResponse.From(h, tokens.Holds.Lifetime)).ToList());
    }

    /// <summary>Rejects a held trade or a held plan (nothing executes) through <see cref="HoldUseCases.RejectAsync"/>, as the CLI does (audited <c>hold.reject</c>).</summary>
    public static async Task<Results<Ok<HoldResponse>, ProblemHttpResult>> RejectHold(Guid id, ReasonRequest request, HttpContext http, TokensRuntime tokens)
    {
        try
        {
            return TypedResults.Ok(HoldResponse.From(await tokens.HoldDecisions.RejectAsync(http.Caller(), id, request.Reason, http.RequestAborted), tokens.HoldDecisions.Lifetime));
        }
        catch (DomainException ex)
        {
            return UseCaseProblems.From(http, ex); // audited hold.reject by the use case
        }
    }

    /// <summary>Expires every hold pending longer than the hold lifetime now (the hourly job's call), audited and notified.</summary>
    public static async Task<Ok<List<HoldResponse>>> ExpireHolds(HttpContext http, TokensRuntime tokens) =>
        TypedResults.Ok((await tokens.HoldDecisions.ExpireAsync(http.Caller(), http.RequestAborted)).Select(h => HoldResponse.From(h, tokens.HoldDecisions.Lifetime)).ToList());

    public static async Task<Ok<List<NotificationResponse>>> ListNotifications(HttpContext http, SqlNotificationOutbox outbox) =>
        TypedResults.Ok(await NotificationEndpoints.ListAsync(outbox, null, 200, http.RequestAborted));

    /// <summary>The audit chain from a sequence on (<c>?after=SEQ</c>, default 0: the start; <c>?limit=1..1000</c>, default 100).</summary>
    public static async Task<Results<Ok<List<AuditEntryResponse>>, ProblemHttpResult>> ListAudit(string? after, string? limit, HttpContext http, [AsParameters] PlatformServices s, ActorNames actorNames)
    {
        if (QueryParams.Cursor("after", after, out var from, min: 0) is { } badAfter)
        {
            return badAfter;
        }

        if (QueryParams.Limit(limit, 100, 1000, out var n) is { } badLimit)
        {
            return badLimit;
        }

        var entries = await s.Audit.ReadAsync(from ?? 0, n, http.RequestAborted);
        var names = await actorNames.ForAsync(null, http.RequestAborted);
        return TypedResults.Ok(entries.Select(e => AuditEntryResponse.From(e, names)).ToList());
    }

    public static async Task<Ok<AuditVerifyResponse>> VerifyAudit(HttpContext http, [AsParameters] PlatformServices s, ArenaDatabase database)
    {
        var v = await s.Audit.VerifyAsync(http.RequestAborted);
        await using var journal = database.CreateLedgerJournal();
        var ledger = await LedgerVerifier.VerifyAsync(journal, http.RequestAborted);
        return TypedResults.Ok(new AuditVerifyResponse(v.Valid && ledger.Ok, v.Entries, v.FirstBadSequence, v.Problem, LedgerVerifyResponse.From(ledger)));
    }
}
