using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Core.Wallets.Proposals;

/// <summary>
/// A HYBRID wallet's rebalance waiting for its treasurer: the recommendation's target weights, orders (with the NAVs
/// they were quoted at) and reasoning, and what became of it.
/// </summary>
public sealed record WalletProposal(
    Guid Id,
    string WalletAddress,
    DateOnly AsOf,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    IReadOnlyDictionary<string, decimal> TargetWeights,
    IReadOnlyList<RebalanceOrder> Orders,
    string Reasoning,
    ProposalStatus Status,
    string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null,
    string? DecisionNote = null);
