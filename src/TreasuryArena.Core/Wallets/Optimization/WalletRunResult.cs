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
    Guid? ProposalId);
