using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Ledger;

/// <summary>
/// What one group commit writes atomically: new entries (in sequence order), the final value of every balance they
/// touched, and the tokens and wallets created or changed.
/// </summary>
public sealed record LedgerBatch(
    IReadOnlyList<LedgerEntry> Entries,
    IReadOnlyDictionary<BalanceKey, decimal> Balances,
    IReadOnlyList<StrategyToken> Tokens,
    IReadOnlyList<Wallet> Wallets)
{
    public bool IsEmpty => Entries.Count == 0 && Balances.Count == 0 && Tokens.Count == 0 && Wallets.Count == 0;
}
