using TreasuryArena.Core.Advice;

namespace TreasuryArena.Core.Treasury;

/// <summary>
/// One position. Tactical positions hold coins (<see cref="Quantity"/> BTC or ETH); yield positions hold units of the
/// venue's accrual index (1.0 at the treasury's inception, growing at the venue's APY).
/// <see cref="CostBasis"/> is the USD paid for what is still held.
/// </summary>
public sealed record TreasuryPosition(string Asset, string Venue, AssetClass AssetClass, decimal Quantity, decimal CostBasis);
