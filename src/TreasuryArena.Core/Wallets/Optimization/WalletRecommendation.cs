namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// The optimizer's answer for one wallet: target weights (the remainder in cash), the orders that reach them,
/// expectations before and after, the cost against the expected benefit, whether a rebalance is due and worth it,
/// and the reasoning in plain language.
/// </summary>
public sealed record WalletRecommendation(
    string Address,
    DateOnly AsOf,
    IReadOnlyDictionary<string, decimal> CurrentWeights,
    IReadOnlyDictionary<string, decimal> TargetWeights,
    OrderPlan Plan,
    PortfolioExpectation Before,
    PortfolioExpectation After,
    decimal Drift,
    decimal EstimatedCost,
    decimal ExpectedBenefit,
    bool Due,
    bool Worthwhile,
    IReadOnlyList<string> Notes)
{
    /// <summary>True when the recommendation should be acted on: a trigger fired, it has orders and it pays for itself.</summary>
    public bool ShouldTrade => Due && Worthwhile && Plan.Orders.Count > 0;

    public IReadOnlyList<RebalanceOrder> Orders => Plan.Orders;

    /// <summary>The notes joined into one paragraph a trustee can read.</summary>
    public string Reasoning => string.Join(" ", Notes);
}
