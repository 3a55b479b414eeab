using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Core.Application;

/// <summary>
/// An admin's decision on a held trade or a held rebalance plan, the same from the API (<c>/api/admin/holds/{id}/…</c>),
/// the CLI (<c>arena holds release|reject</c>) and the hourly expiry job: only an admin may decide (else
/// <c>role_forbidden</c>), then <see cref="HoldReview"/> releases (a trade executes with monitoring waived, a plan whole
/// or not at all) or rejects it, and the decision is audited as <c>hold.release</c> / <c>hold.reject</c> (the compliance
/// service writes the done record with the result). A refusal — <c>hold_not_found</c>, <c>hold_already_decided</c>,
/// <c>hold_expired</c> (the hold is expired, audited <c>hold.expire</c>, instead), <c>role_forbidden</c> — is audited
/// under the same action with its code. Expiry (<c>hold.expire</c>, one record per hold) is the job's and the admin's.
/// </summary>
public sealed class HoldUseCases(HoldReview review, IAuditLog audit)
{
    public const string ReleaseAction = "hold.release";
    public const string RejectAction = "hold.reject";
    public const string ExpireAction = "hold.expire";

    /// <summary>How long a hold may stay pending before it is expired instead of released.</summary>
    public TimeSpan Lifetime => review.Lifetime;

    /// <summary>Releases a pending hold (single trade or plan); returns the decided hold and what executed.</summary>
    public async Task<HoldDecision> ReleaseAsync(Caller actor, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        try
        {
            RoleRules.RequireAdmin(actor, ReleaseAction);
            return await review.ReleaseAsync(actor, id, ct);
        }
        catch (DomainException ex)
        {
            throw await AuditTrail.RefusedAsync(audit, actor, ReleaseAction, id.ToString(), ex, null, ct);
        }
    }

    /// <summary>Rejects a pending hold: nothing executes (for a plan, none of its orders); returns the decided hold.</summary>
    public async Task<HeldTrade> RejectAsync(Caller actor, Guid id, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        try
        {
            RoleRules.RequireAdmin(actor, RejectAction);
            return await review.RejectAsync(actor, id, FreeText.Optional(reason, FreeText.Reason), ct);
        }
        catch (DomainException ex)
        {
            throw await AuditTrail.RefusedAsync(audit, actor, RejectAction, id.ToString(), ex, new Dictionary<string, object?>(StringComparer.Ordinal) { ["reason"] = reason }, ct);
        }
    }

    /// <summary>Expires every hold pending longer than the lifetime (each audited <c>hold.expire</c> and notified); returns them.</summary>
    public async Task<IReadOnlyList<HeldTrade>> ExpireAsync(Caller actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        try
        {
            RoleRules.RequireAdmin(actor, ExpireAction);
        }
        catch (DomainException ex)
        {
            throw await AuditTrail.RefusedAsync(audit, actor, ExpireAction, "holds", ex, null, ct);
        }

        return await review.ExpireAsync(ct);
    }
}
