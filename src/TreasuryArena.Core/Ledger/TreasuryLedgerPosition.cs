namespace TreasuryArena.Core.Ledger;

/// <summary>
/// One treasury position as the ledger holds it: units of the asset, its USD carrying value (as last marked or
/// traded), the USD paid for what is still held (cost basis: buys add notional + fee + slippage, sells reduce it pro
/// rata, rounded to cents half-even) and the venue of its last fill.
/// </summary>
public sealed record TreasuryLedgerPosition(string Asset, string Venue, decimal Units, decimal CarryingValue, decimal CostBasis);
