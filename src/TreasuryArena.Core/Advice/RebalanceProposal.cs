namespace TreasuryArena.Core.Advice;

/// <summary>A proposed set of orders (sells first, then buys) and what triggered it. A treasury proposal carries its
/// <see cref="Mandate"/> (drift against the band and the named triggers); the guardrails refuse every order when it
/// does not allow a trade.</summary>
public sealed record RebalanceProposal(DateOnly AsOf, string Trigger, IReadOnlyList<TradeOrder> Orders)
{
    public TradeMandate? Mandate { get; init; }

    public decimal TotalNotional => Orders.Sum(o => o.Notional);

    public decimal TotalEstimatedCost => Orders.Sum(o => o.EstimatedCost);

    public bool IsEmpty => Orders.Count == 0;
}
