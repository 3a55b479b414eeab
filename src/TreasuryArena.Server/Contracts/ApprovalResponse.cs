using TreasuryArena.Core.Approvals;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// A two-person approval (the 202 answer to a trade or proposal approval above the threshold, and the rows of
/// <c>GET /api/approvals</c>): kind <c>trade|proposal|policy_change</c>, status
/// <c>awaiting_second_approval|executed|rejected|expired</c>, who requested it and until when it waits.
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
    string? Result)
{
    public static ApprovalResponse From(PendingApproval a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.KindCode, a.StatusCode, a.Summary, a.UsdValue, a.OrganisationId, a.RequestedBy, a.CreatedAt, a.ExpiresAt, a.DecidedBy, a.DecidedAt, a.Result);
    }
}
