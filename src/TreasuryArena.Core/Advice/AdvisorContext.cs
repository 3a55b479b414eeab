using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Advice;

/// <summary>
/// Everything an advisor is shown for one decision: the date, the marked portfolio and its allocation against the
/// target, the drift and its band, the market view, the candidate plan (orders to the target, possibly empty), the
/// limits, the triggers that fired and recent decisions with their outcomes.
/// </summary>
public sealed record AdvisorContext(
    DateOnly AsOf,
    PortfolioSnapshot Portfolio,
    IReadOnlyList<AllocationLine> Allocation,
    decimal Drift,
    decimal DriftBand,
    MarketView Market,
    RebalanceProposal Proposal,
    GuardrailLimits Limits,
    IReadOnlyList<string> Triggers,
    IReadOnlyList<PastDecision> RecentDecisions)
{
    /// <summary>Whether an emergency trigger fired (its text starts with <c>emergency</c>).</summary>
    public bool HasEmergency => Triggers.Any(t => t.StartsWith("emergency", StringComparison.OrdinalIgnoreCase));

    /// <summary>+1 when the proposal raises the volatile share, −1 when it lowers it, 0 otherwise.</summary>
    public static int TacticalDirectionOf(IEnumerable<TradeOrder> orders)
    {
        var net = 0m;
        foreach (var o in orders.Where(o => o.AssetClass == AssetClass.Volatile))
        {
            net += o.Side == OrderSide.Buy ? o.Notional : -o.Notional;
        }

        return Math.Sign(net);
    }
}
