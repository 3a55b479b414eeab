namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// One wallet's outcome of a rebalance run: <see cref="Action"/> is <c>executed</c>, <c>proposed</c> or <c>none</c>
/// (<c>suggested</c> for a suggestion); <see cref="Orders"/> are the orders executed, proposed or (for none) recommended.
/// </summary>
public sealed record WalletRunResult(
    string Address,
    string Mode,
    string Action,
    IReadOnlyDictionary<string, decimal> TargetWeights,
    IReadOnlyList<RebalanceOrder> Orders,
    IReadOnlyList<OrderExecution> Executions,
    string Reason,
    WalletRecommendation? Recommendation,
    Guid? ProposalId)
{
    /// <summary>
    /// Set when a proposal's approval was above the organisation's dual-control threshold: nothing executed, the approval
    /// awaits a second member (<see cref="Action"/> is <c>awaiting_second_approval</c>).
    /// </summary>
    public Approvals.PendingApproval? Pending { get; init; }
}
