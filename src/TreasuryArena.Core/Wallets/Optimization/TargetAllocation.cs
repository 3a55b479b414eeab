namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>The target weights for one (risk filter, token limit) pair, with the notes that explain them.</summary>
public sealed record TargetAllocation(
    IReadOnlyDictionary<string, decimal> Weights,
    bool Feasible,
    IReadOnlyList<string> Notes)
{
    public decimal CashWeight => 1m - Weights.Values.Sum();
}
