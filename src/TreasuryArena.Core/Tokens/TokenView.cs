using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Tokens;

/// <summary>A token with its ledger-derived figures.</summary>
/// <param name="Token">Definition and lifecycle state.</param>
/// <param name="GrossAssetValue">Value of the backing portfolio (the fund account's USD balance).</param>
/// <param name="Supply">Circulating shares.</param>
/// <param name="NavPerShare">GAV / supply rounded down to 10^-8, or the reference NAV when no share is outstanding.</param>
/// <param name="HolderCount">Wallets holding a positive number of shares.</param>
public sealed record TokenView(StrategyToken Token, Money GrossAssetValue, Shares Supply, UnitPrice NavPerShare, int HolderCount);
