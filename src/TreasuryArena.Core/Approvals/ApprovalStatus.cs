namespace TreasuryArena.Core.Approvals;

/// <summary>Where a two-person approval stands (snake_case in JSON: <c>awaiting_second_approval</c>, …).</summary>
public enum ApprovalStatus
{
    /// <summary>Requested by one member; a second, different member must approve it before it executes.</summary>
    AwaitingSecondApproval,

    /// <summary>Approved by a second member and executed (its result kept).</summary>
    Executed,

    /// <summary>Rejected by a member (or an admin): nothing executed.</summary>
    Rejected,

    /// <summary>Not approved within the lifetime: nothing executed.</summary>
    Expired,
}
