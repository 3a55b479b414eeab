using TreasuryArena.Core.Wallets.Proposals;

namespace TreasuryArena.Server.Contracts;

/// <summary>A HYBRID proposal waiting for (or decided by) the treasurer.</summary>
public sealed record ProposalResponse(Guid Id, string Address, string Status, IReadOnlyDictionary<string, decimal> TargetWeights, IReadOnlyList<OrderResponse> Orders, string Reasoning, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string? DecidedBy)
{
    public static ProposalResponse From(WalletProposal p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(
            p.Id,
            p.WalletAddress,
            p.Status.ToString().ToLowerInvariant(),
            p.TargetWeights,
            p.Orders.Select(o => new OrderResponse(o.Symbol, o.Side.ToString().ToLowerInvariant(), o.Shares, o.Amount, o.EstimatedFee, o.QuotedNav)).ToList(),
            p.Reasoning,
            p.CreatedAt,
            p.ExpiresAt,
            p.DecidedBy);
    }
}
