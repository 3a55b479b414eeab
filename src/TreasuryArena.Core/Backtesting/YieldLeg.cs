using TreasuryArena.Core.MarketData;

namespace TreasuryArena.Core.Backtesting;

/// <summary>One venue of a <see cref="YieldModel"/>: its share of the yield position, its APY and its launch (null: no launch gate).</summary>
/// <param name="Share">Fraction of the yield position (a blend's shares sum to 1).</param>
/// <param name="Apy">The venue's APY as a fraction (0.05 = 5%), credited from its launch on.</param>
/// <param name="Venue">The venue's launch; before it the share accrues the T-bill rate.</param>
public sealed record YieldLeg(double Share, double Apy, VenueLaunch? Venue);
