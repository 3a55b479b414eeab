using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Ledger;

/// <summary>The non-entry state a journal keeps: token definitions/lifecycle and wallets.</summary>
public sealed record LedgerSnapshot(IReadOnlyList<StrategyToken> Tokens, IReadOnlyList<Wallet> Wallets);
