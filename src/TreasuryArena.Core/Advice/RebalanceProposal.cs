namespace TreasuryArena.Core.Advice;

/// <summary>A proposed set of orders (sells first, then buys) and what triggered it.</summary>
public sealed record RebalanceProposal(DateOnly AsOf, string Trigger, IReadOnlyList<TradeOrder> Orders)
{
    public decimal TotalNotional => Orders.Sum(o => o.Notional);

    public decimal TotalEstimatedCost => Orders.Sum(o => o.EstimatedCost);

    public bool IsEmpty => Orders.Count == 0;
}
