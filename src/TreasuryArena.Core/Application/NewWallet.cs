using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Application;

/// <summary>
/// Create a wallet for an organisation (by id, or by name from the CLI) in a mode its plan allows, optionally with a first
/// deposit, and a name ("Building fund", the free-text policy's <c>FreeText.WalletName</c>; optional). The idempotency
/// key is passed to the ledger (a repeat returns the first wallet and audits nothing).
/// </summary>
public sealed record NewWallet(string Organisation, WalletMode Mode, RiskTolerance Risk, decimal? Deposit, string IdempotencyKey, string? Name = null);
