using System.Globalization;
using System.Text.Json;
using TreasuryArena.Core.Approvals;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Core.Application;

/// <summary>
/// Two-person approval, the same from the API (<c>/api/approvals</c>), the CLI (<c>arena approvals</c>) and the hourly
/// expiry job. The second approval must come from a treasurer or an approver (trustee) of the organisation who is not
/// the member who requested it (<c>same_approver</c>, 409); it executes the request through its own use case (a trade
/// through <see cref="TradeUseCases"/> with the idempotency key <c>approval:ID</c>, so two racing approvals trade once; a
/// proposal through <see cref="ProposalUseCases"/>; a policy change through <see cref="PolicyUseCases.ApplyApprovedAsync"/>),
/// then marks the approval executed. Requests past their lifetime are expired by the hourly job and also whenever
/// approvals are listed or one is decided, so an expired request never shows as awaiting. A request refused at execution (cash gone,
/// token paused) stays awaiting and the refusal is returned. Rejection and expiry execute nothing. Every decision is
/// audited (<c>approval.approve</c>, <c>approval.reject</c>, <c>approval.expire</c>; refusals under the same action with
/// their code) and notified (<c>approval_executed</c>, <c>approval_rejected</c>, <c>approval_expired</c>).
/// </summary>
public sealed class ApprovalUseCases(DualControl dual, TradeUseCases trades, ProposalUseCases proposals, PolicyUseCases policies, IAuditLog audit, INotifier notifier, TimeProvider time)
{
    public const string ApproveAction = "approval.approve";
    public const string RejectAction = "approval.reject";
    public const string ExpireAction = "approval.expire";

    /// <summary>The actor of expiries found on read (the hourly job's name).</summary>
    public const string ExpiryJob = "approval-expiry";

    /// <summary>How long a request waits for its second approval.</summary>
    public TimeSpan Lifetime => dual.Lifetime;

    /// <summary>
    /// The caller's organisation's approvals (an admin: every organisation's), awaiting ones by default. Requests past
    /// their lifetime are expired first (audited and notified as by the hourly job), so none is listed as awaiting.
    /// </summary>
    public async Task<IReadOnlyList<PendingApproval>> ListAsync(Caller actor, ApprovalStatus? status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role != Role.Admin && actor.OrganisationId is null)
        {
            return [];
        }

        await ExpireDueAsync(Caller.Job(ExpiryJob), ct);
        return await dual.Store.ListAsync(actor.Role == Role.Admin ? null : actor.OrganisationId, status, ct);
    }

    /// <summary>Gives the second approval and executes the request.</summary>
    public async Task<ApprovalDecision> ApproveAsync(Caller actor, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var detail = new Dictionary<string, object?>(StringComparer.Ordinal);
        ApprovalDecision decision;
        try
        {
            if (actor.Role is not (Role.Treasurer or Role.Approver))
            {
                throw new DomainException(Outcome.RoleForbidden, $"a {actor.Role.ToString().ToLowerInvariant()} may not perform {ApproveAction}: the second approval is a treasurer's or an approver's of the organisation");
            }

            var approval = await AwaitingAsync(actor, id, detail, ct);
            if (approval.RequestedByMember == actor.MemberId)
            {
                throw new DomainException(Outcome.SameApprover, $"you requested approval {id}: a different member of the organisation must give the second approval");
            }

            decision = await ExecuteAsync(actor, approval, ct);
        }
        catch (DomainException ex)
        {
            throw await AuditTrail.RefusedAsync(audit, actor, ApproveAction, id.ToString(), ex, detail, ct);
        }

        detail["result"] = decision.Approval.Result;
        await AuditTrail.DoneAsync(audit, actor, ApproveAction, id.ToString(), detail, ct);
        await notifier.NotifyAsync(new Notification("approval_executed", id.ToString(),
            $"{decision.Approval.Summary}: approved by {actor.MemberName} after {decision.Approval.RequestedBy}", time.GetUtcNow(), decision.Approval.OrganisationId), ct);
        return decision;
    }

    /// <summary>Rejects a request awaiting its second approval (a treasurer or approver of the organisation, the requester included, or an admin): nothing executes.</summary>
    public async Task<PendingApproval> RejectAsync(Caller actor, Guid id, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var detail = new Dictionary<string, object?>(StringComparer.Ordinal) { ["reason"] = reason };
        PendingApproval decided;
        try
        {
            RoleRules.RequireApprover(actor, RejectAction);
            var why = FreeText.Optional(reason, FreeText.Reason);
            var approval = await AwaitingAsync(actor, id, detail, ct);
            decided = await DecideAsync(approval, ApprovalStatus.Rejected, actor.Actor, why ?? "rejected", ct);
        }
        catch (DomainException ex)
        {
            throw await AuditTrail.RefusedAsync(audit, actor, RejectAction, id.ToString(), ex, detail, ct);
        }

        await AuditTrail.DoneAsync(audit, actor, RejectAction, id.ToString(), detail, ct);
        await notifier.NotifyAsync(new Notification("approval_rejected", id.ToString(), $"{decided.Summary}: rejected by {actor.MemberName}; nothing executed", time.GetUtcNow(), decided.OrganisationId), ct);
        return decided;
    }

    /// <summary>Expires every request past its lifetime (admin: the operator, the hourly job), each audited and notified; returns them.</summary>
    public async Task<IReadOnlyList<PendingApproval>> ExpireAsync(Caller actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        try
        {
            RoleRules.RequireAdmin(actor, ExpireAction);
        }
        catch (DomainException ex)
        {
            throw await AuditTrail.RefusedAsync(audit, actor, ExpireAction, "approvals", ex, null, ct);
        }

        return await ExpireDueAsync(actor, ct);
    }

    private async Task<IReadOnlyList<PendingApproval>> ExpireDueAsync(Caller actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var expired = new List<PendingApproval>();
        foreach (var a in await dual.Store.ListAsync(null, ApprovalStatus.AwaitingSecondApproval, ct))
        {
            if (a.ExpiresAt > now || !await dual.Store.TryDecideAsync(a.Id, ApprovalStatus.Expired, actor.Actor, now, "expired without a second approval", ct))
            {
                continue;
            }

            var done = (await dual.Store.FindAsync(a.Id, ct))!;
            await AuditTrail.DoneAsync(audit, actor, ExpireAction, a.Id.ToString(), new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["kind"] = a.KindCode,
                ["requested_by"] = a.RequestedBy,
                ["expires_at"] = a.ExpiresAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            }, ct);
            await notifier.NotifyAsync(new Notification("approval_expired", a.Id.ToString(),
                string.Create(CultureInfo.InvariantCulture, $"{a.Summary}: expired without a second approval after {dual.Lifetime.TotalHours:0.#} h; nothing executed"), now, a.OrganisationId), ct);
            expired.Add(done);
        }

        return expired;
    }

    private async Task<PendingApproval> AwaitingAsync(Caller actor, Guid id, Dictionary<string, object?> detail, CancellationToken ct)
    {
        var approval = await dual.Store.FindAsync(id, ct);
        if (approval is null || !actor.CanRead(approval.OrganisationId))
        {
            throw new DomainException(Outcome.ApprovalNotFound, $"no approval {id} for your organisation");
        }

        detail["kind"] = approval.KindCode;
        detail["requested_by"] = approval.RequestedBy;
        if (approval.Status != ApprovalStatus.AwaitingSecondApproval)
        {
            throw new DomainException(Outcome.ApprovalClosed, $"approval {id} was already {approval.StatusCode}");
        }

        if (approval.ExpiresAt <= time.GetUtcNow())
        {
            await ExpireDueAsync(Caller.Job(ExpiryJob), ct);
            throw new DomainException(Outcome.ApprovalExpired, string.Create(CultureInfo.InvariantCulture,
                $"approval {id} expired at {approval.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm}Z; nothing executed"));
        }

        return approval;
    }

    private async Task<ApprovalDecision> ExecuteAsync(Caller actor, PendingApproval approval, CancellationToken ct)
    {
        switch (approval.Kind)
        {
            case ApprovalKind.Trade:
            {
                var p = TradeUseCases.ReadPayload(approval);
                var order = new TradeOrder(actor, p.Address, p.Symbol, p.Side, p.Amount, "approval:" + approval.Id.ToString("N"), TradeSource.Api);
                var outcome = await trades.ExecuteApprovedAsync(order, ct);
                var result = outcome switch
                {
                    TradeOutcome.Executed e => string.Create(CultureInfo.InvariantCulture, $"executed: cash {e.Result.Cash.Amount:0.00}, shares {e.Result.Shares.Value:0.########}, fee {e.Result.Fee.Amount:0.00}"),
                    TradeOutcome.Held h => "held for compliance review " + h.Trade.Id,
                    TradeOutcome.Refused r => throw new DomainException(r.Outcome, r.Message),
                    _ => throw new InvalidOperationException("an approved trade cannot await approval again"),
                };
                return new ApprovalDecision(await DecideAsync(approval, ApprovalStatus.Executed, actor.Actor, result, ct), outcome, null);
            }

            case ApprovalKind.Proposal:
            {
                using var doc = JsonDocument.Parse(approval.Payload);
                var proposal = doc.RootElement.GetProperty("proposal").GetGuid();
                var note = doc.RootElement.TryGetProperty("note", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                var run = await proposals.DecideApprovedAsync(actor, new ProposalDecision(proposal, true, note), ct);
                var result = string.Create(CultureInfo.InvariantCulture, $"{run.Action}: {run.Executions.Count(e => e.Executed)} of {run.Orders.Count} orders executed");
                return new ApprovalDecision(await DecideAsync(approval, ApprovalStatus.Executed, actor.Actor, result, ct), null, run);
            }

            case ApprovalKind.PolicyChange:
            {
                var result = await policies.ApplyApprovedAsync(actor, approval, ct);
                return new ApprovalDecision(await DecideAsync(approval, ApprovalStatus.Executed, actor.Actor, result, ct), null, null);
            }

            default:
                throw new InvalidOperationException($"unknown approval kind {approval.Kind}");
        }
    }

    /// <summary>Moves the approval out of awaiting; a decision that lost a race is refused <c>approval_closed</c>.</summary>
    private async Task<PendingApproval> DecideAsync(PendingApproval approval, ApprovalStatus status, string by, string result, CancellationToken ct)
    {
        if (!await dual.Store.TryDecideAsync(approval.Id, status, by, time.GetUtcNow(), result, ct))
        {
            var now = await dual.Store.FindAsync(approval.Id, ct);
            throw new DomainException(Outcome.ApprovalClosed, $"approval {approval.Id} was already {now?.StatusCode ?? "decided"}");
        }

        return (await dual.Store.FindAsync(approval.Id, ct))!;
    }
}
