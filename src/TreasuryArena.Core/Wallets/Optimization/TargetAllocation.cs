using TreasuryArena.Core.Policy;

namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// The target weights for one (risk rule, token limit, held non-buyable tokens' caps) key, with the notes that explain them.
/// </summary>
public sealed record TargetAllocation(
    IReadOnlyDictionary<string, decimal> Weights,
    bool Feasible,
    IReadOnlyList<string> Notes)
{
    public decimal CashWeight => 1m - Weights.Values.Sum();

    /// <summary>The objective solved: <c>efficient_risk</c>, or <c>min_variance</c> when the expected returns are uninformative.</summary>
    public string Objective { get; init; } = "efficient_risk";

    /// <summary>The target's share in volatile crypto (Σ w_i · volatile share of token i).</summary>
    public decimal VolatileShare { get; init; }

    /// <summary>True when the volatility ceiling limits the target.</summary>
    public bool CeilingBinds { get; init; }

    /// <summary>True when the volatile-share cap limits the target.</summary>
    public bool VolatileShareBinds { get; init; }

    /// <summary>The IPS clause that leaves no feasible target (null: solved inside the policy, or no policy).</summary>
    public PolicyBreach? PolicyRefusal { get; init; }
}
