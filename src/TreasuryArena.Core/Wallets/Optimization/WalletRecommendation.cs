using TreasuryArena.Core.Policy;

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

    /// <summary>The tolerance's portfolio limits the target was solved under.</summary>
    public RiskLimits Limits { get; init; } = new(null, null);

    /// <summary>How the expected returns (of the target and of the cost/benefit estimate) were estimated, in words.</summary>
    public string ExpectedReturnsMethod { get; init; } = "";

    /// <summary>The objective solved: <c>efficient_risk</c>, or <c>min_variance</c> (the weak-evidence fallback).</summary>
    public string Objective { get; init; } = "efficient_risk";

    /// <summary>The target's estimated share in volatile crypto.</summary>
    public decimal TargetVolatileShare { get; init; }

    /// <summary>The expected annual volatility of the target (= <see cref="After"/>.Volatility).</summary>
    public decimal ExpectedVolatility => After.Volatility;

    /// <summary>Which plan the orders are: <c>full</c> (every position to its target) or <c>band</c> (only the positions
    /// outside the no-trade band; the others are left where they are).</summary>
    public string Method { get; init; } = "full";

    /// <summary>The benefit the costs-before-trades rule asked for: <see cref="EstimatedCost"/> × the benefit/cost multiple, USD.</summary>
    public decimal RequiredBenefit { get; init; }

    /// <summary>
    /// The organisation's IPS clause that leaves no feasible target (issue 21): nothing is planned and nothing trades; the
    /// refusal names the clause and how to lift it. Null when the target was solved inside the policy.
    /// </summary>
    public PolicyBreach? PolicyRefusal { get; init; }

    /// <summary>The IPS limits the target was solved inside (<see cref="PolicyLimits.None"/>: no policy beyond the platform's).</summary>
    public PolicyLimits Policy { get; init; } = PolicyLimits.None;

    /// <summary>The notes joined into one paragraph a trustee can read.</summary>
    public string Reasoning => string.Join(" ", Notes);
}
