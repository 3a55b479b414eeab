using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Tokens;

/// <summary>A token with its ledger-derived figures.</summary>
/// <param name="Token">Definition and lifecycle state.</param>
/// <param name="GrossAssetValue">Value of the backing portfolio (the fund account's USD balance).</param>
/// <param name="Supply">Circulating shares.</param>
/// <param name="NavPerShare">The one price of a share, floor₈((GAV + V·R) / (supply + V)) (see <c>Ledger.SharePricing</c>); the reference NAV when the fund is empty.</param>
/// <param name="HolderCount">Wallets holding a positive number of shares.</param>
public sealed record TokenView(StrategyToken Token, Money GrossAssetValue, Shares Supply, UnitPrice NavPerShare, int HolderCount);
