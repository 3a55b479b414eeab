namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>A tolerance's portfolio limits as the recommendation applied them (null: none).</summary>
/// <param name="VolatilityCeiling">Largest expected annual volatility of the wallet.</param>
/// <param name="VolatileShareCap">Largest share of the wallet in volatile crypto.</param>
public sealed record RiskLimits(decimal? VolatilityCeiling, decimal? VolatileShareCap)
{
    public static RiskLimits Of(RiskFilterRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new(rule.VolatilityCeiling, rule.VolatileShareCap);
    }
}
