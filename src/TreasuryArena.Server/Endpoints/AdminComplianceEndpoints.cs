using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Ledger;
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

    public static async Task<Results<Ok<List<HoldResponse>>, ProblemHttpResult>> ListHolds(string? status, Guid? organisation_id, HttpContext http, [AsParameters] PlatformServices s)
    {
        HoldStatus? filter = null;
        if (status is not null)
        {
            if (!Enum.TryParse<HoldStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
            {
                return Problems.BadField("status", "status must be held, released or rejected");
            }

            filter = parsed;
        }

        var holds = await s.ComplianceStore.ListHoldsAsync(filter, organisation_id, http.RequestAborted);
        return TypedResults.Ok(holds.Select(HoldResponse.From).ToList());
    }

    public static async Task<Ok<HoldResponse>> RejectHold(Guid id, ReasonRequest request, HttpContext http, [AsParameters] PlatformServices s)
    {
        await s.Compliance.RequireHoldAsync(id, http.RequestAborted);
        await s.Compliance.DecideHoldAsync(http.Caller(), id, HoldStatus.Rejected, request.Reason ?? "rejected by admin", http.RequestAborted);
        return TypedResults.Ok(HoldResponse.From(await s.Compliance.RequireHoldAsync(id, http.RequestAborted)));
    }

    public static async Task<Ok<List<NotificationResponse>>> ListNotifications(HttpContext http, [AsParameters] PlatformServices s)
    {
        var list = await s.ComplianceStore.ListNotificationsAsync(null, 200, http.RequestAborted);
        return TypedResults.Ok(list.Select(NotificationResponse.From).ToList());
    }

    public static async Task<Ok<List<AuditEntryResponse>>> ListAudit(long? after, int? limit, HttpContext http, [AsParameters] PlatformServices s)
    {
        var entries = await s.Audit.ReadAsync(after ?? 0, Math.Clamp(limit ?? 100, 1, 1000), http.RequestAborted);
        return TypedResults.Ok(entries.Select(AuditEntryResponse.From).ToList());
    }

    public static async Task<Ok<AuditVerifyResponse>> VerifyAudit(HttpContext http, [AsParameters] PlatformServices s, ArenaDatabase database)
    {
        var v = await s.Audit.VerifyAsync(http.RequestAborted);
        await using var journal = database.CreateLedgerJournal();
        var ledger = await LedgerVerifier.VerifyAsync(journal, http.RequestAborted);
        return TypedResults.Ok(new AuditVerifyResponse(v.Valid && ledger.Ok, v.Entries, v.FirstBadSequence, v.Problem, LedgerVerifyResponse.From(ledger)));
    }
}
