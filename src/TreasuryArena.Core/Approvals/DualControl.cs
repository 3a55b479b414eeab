using System.Globalization;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Core.Approvals;

/// <summary>
/// The two-person rule at the start of a use case: a member (a treasurer acting with their key, from the API or the CLI
/// with <c>--as-key</c>) whose request is worth more than the organisation's threshold does not execute it: the request
/// is stored as awaiting a second approval (its requester's own approval counts as the first), audited
/// <c>approval.request</c> and notified <c>second_approval_needed</c>. The operator and the jobs (admins) act for the
/// platform without a second approval. <see cref="ApprovalUseCases"/> gives the second approval, rejects and expires.
/// </summary>
public sealed class DualControl(IApprovalStore store, IDualControlThresholds thresholds, IAuditLog audit, INotifier notifier, ApprovalOptions options, TimeProvider time)
{
    public const string RequestAction = "approval.request";

    /// <summary>The notification kind of a request awaiting its second approval.</summary>
    public const string NeededKind = "second_approval_needed";

    /// <summary>How long a request waits for its second approval.</summary>
    public TimeSpan Lifetime => options.Lifetime;

    public IApprovalStore Store => store;

    /// <summary>
    /// Stores the request as awaiting a second approval when <paramref name="caller"/> is a member and
    /// <paramref name="usdValue"/> is above the organisation's threshold; returns it, or null when the request may execute now.
    /// </summary>
    public async Task<PendingApproval?> RequireSecondAsync(Caller caller, ApprovalKind kind, Guid organisationId, decimal usdValue, string summary, string payload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Role == Role.Admin || await thresholds.ForAsync(organisationId, ct) is not { } threshold || usdValue <= threshold)
        {
            return null;
        }

        return await RequestAsync(caller, kind, organisationId, usdValue, summary, payload, threshold, ct);
    }

    /// <summary>
    /// Stores a request as awaiting a second approval whatever its value (a policy change by a member always needs one):
    /// audited <c>approval.request</c>, notified <c>second_approval_needed</c>.
    /// </summary>
    public async Task<PendingApproval> RequestAsync(Caller caller, ApprovalKind kind, Guid organisationId, decimal usdValue, string summary, string payload, decimal? threshold, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = time.GetUtcNow();
        var approval = new PendingApproval(Guid.CreateVersion7(now), kind, organisationId, summary, usdValue, payload, caller.MemberId, caller.KeyId, caller.Actor,
            ApprovalStatus.AwaitingSecondApproval, now, now + options.Lifetime, null, null, null);
        await store.AddAsync(approval, ct);
        await AuditTrail.DoneAsync(audit, caller, RequestAction, approval.Id.ToString(), new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["kind"] = approval.KindCode,
            ["summary"] = summary,
            ["usd_value"] = usdValue,
            ["threshold"] = threshold,
            ["expires_at"] = approval.ExpiresAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        }, ct);
        await notifier.NotifyAsync(new Notification(NeededKind, approval.Id.ToString(),
            string.Create(CultureInfo.InvariantCulture, $"{summary} awaits a second approval (requested by {caller.MemberName}) until {approval.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm}Z"), now, organisationId), ct);
        return approval;
    }
}
