using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Wallets;

/// <summary>A wallet with its cash balance and non-empty holdings, read from the ledger.</summary>
public sealed record WalletView(Wallet Wallet, Money Cash, IReadOnlyList<Holding> Holdings);
