namespace TreasuryArena.Core.Approvals;

/// <summary>What a two-person approval guards (snake_case in JSON: <c>trade</c>, <c>proposal</c>, <c>policy_change</c>).</summary>
public enum ApprovalKind
{
    /// <summary>A manual buy or sell above the organisation's threshold (<see cref="Application.TradeUseCases"/>).</summary>
    Trade,

    /// <summary>The approval of a HYBRID proposal whose orders sum above the threshold (<see cref="Application.ProposalUseCases"/>).</summary>
    Proposal,

    /// <summary>A member's change of the organisation's investment policy (the policy use cases register its executor).</summary>
    PolicyChange,
}
