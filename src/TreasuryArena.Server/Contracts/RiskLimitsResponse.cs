using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Server.Contracts;

/// <summary>A risk tolerance's portfolio limits: the largest expected annual volatility and the largest volatile-crypto share (null: none).</summary>
public sealed record RiskLimitsResponse(decimal? VolatilityCeiling, decimal? VolatileShareCap)
{
    public static RiskLimitsResponse From(RiskLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new(limits.VolatilityCeiling, limits.VolatileShareCap);
    }
}
