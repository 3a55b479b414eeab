using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// A trade (<c>kind: trade</c>) or a whole rebalance plan (<c>kind: plan</c>, with its <c>orders</c>) held by transaction
/// monitoring, when it expires undecided, and what became of it (<c>executions</c> after a plan's release).
/// </summary>
public sealed record HoldResponse(
    Guid Id,
    Guid OrganisationId,
    string WalletAddress,
    string Kind,
    string Symbol,
    OrderSide Side,
    decimal UsdValue,
    IReadOnlyList<string> Reasons,
    HoldStatus Status,
    DateTimeOffset HeldAt,
    DateTimeOffset ExpiresAt,
    string HeldBy,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? Result,
    IReadOnlyList<RebalanceOrder>? Orders,
    IReadOnlyList<OrderExecution>? Executions)
{
    public static HoldResponse From(HeldTrade h, TimeSpan lifetime, IReadOnlyList<OrderExecution>? executions = null)
    {
        ArgumentNullException.ThrowIfNull(h);
        return new(h.Id, h.OrganisationId, h.WalletAddress, h.IsPlan ? "plan" : "trade", h.Symbol, h.Side, h.UsdValue, h.Reasons, h.Status, h.HeldAt,
            h.ExpiresAt(lifetime), h.HeldBy, h.DecidedBy, h.DecidedAt, h.Result, h.IsPlan ? HeldPlan.Parse(h.Request).Orders : null, executions);
    }
}
