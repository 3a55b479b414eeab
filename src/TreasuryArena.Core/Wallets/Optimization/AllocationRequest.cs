namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// One target solve: the candidate tokens, each token's upper bound (the optimizer's cap, or a held non-buyable token's
/// current weight), and the tolerance's portfolio limits (null: none). The rest of the wallet may stay in cash.
/// </summary>
/// <param name="Symbols">Candidate tokens (every one in the universe).</param>
/// <param name="UpperBounds">Largest weight of each candidate, by symbol.</param>
/// <param name="VolatilityCeiling">Largest expected annual volatility of the whole wallet (cash counts as riskless).</param>
/// <param name="VolatileShareCap">Largest Σ w_i · <see cref="TokenMetrics.VolatileShare"/> (the wallet's volatile-crypto share).</param>
public sealed record AllocationRequest(
    IReadOnlyList<string> Symbols,
    IReadOnlyDictionary<string, decimal> UpperBounds,
    decimal? VolatilityCeiling,
    decimal? VolatileShareCap)
{
    /// <summary>Largest Σ w_i, the rest in cash (null: 1). The organisation's IPS: its volatile share, or what its liquidity reserve leaves.</summary>
    public decimal? MaxInvested { get; init; }

    /// <summary>Smallest weight of each candidate forced in (null: 0 for all). The IPS's <c>min_tokens</c>.</summary>
    public IReadOnlyDictionary<string, decimal>? LowerBounds { get; init; }
}
