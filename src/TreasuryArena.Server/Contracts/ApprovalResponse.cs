using TreasuryArena.Core.Approvals;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// A two-person approval (the 202 answer to a trade or proposal approval above the threshold, and the rows of
/// <c>GET /api/approvals</c>): kind <c>trade|proposal|policy_change</c>, status
/// <c>awaiting_second_approval|executed|rejected|expired</c>, who requested it and until when it waits.
/// <c>requested_by</c>/<c>decided_by</c> are the stored actors (members by pseudonym); <c>requested_by_name</c>/<c>decided_by_name</c>
/// show them with the members' names (the pseudonym once a name is erased).
/// </summary>
public sealed record ApprovalResponse(
    Guid Id,
    string Kind,
    string Status,
    string Summary,
    decimal UsdValue,
    Guid OrganisationId,
    string RequestedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? Result,
    string RequestedByName,
    string? DecidedByName)
{
    public static ApprovalResponse From(PendingApproval a) => From(a, null);

    /// <summary>The approval with its actors shown by <paramref name="names"/> (null: as stored).</summary>
    public static ApprovalResponse From(PendingApproval a, Func<string?, string?>? names)
    {
        ArgumentNullException.ThrowIfNull(a);
        names ??= s => s;
        return new(a.Id, a.KindCode, a.StatusCode, a.Summary, a.UsdValue, a.OrganisationId, a.RequestedBy, a.CreatedAt, a.ExpiresAt, a.DecidedBy, a.DecidedAt, a.Result,
            names(a.RequestedBy) ?? a.RequestedBy, names(a.DecidedBy));
    }
}
