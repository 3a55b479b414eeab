using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Ledger;

/// <summary>
/// What a journal holds beyond a known head: the entries after its sequence (in order) and the current rows of the
/// tokens and wallets changed by a commit after its revision, read consistently up to <see cref="Head"/>.
/// </summary>
public sealed record LedgerTail(LedgerHead Head, IReadOnlyList<LedgerEntry> Entries, IReadOnlyList<StrategyToken> Tokens, IReadOnlyList<Wallet> Wallets)
{
    public bool IsEmpty => Entries.Count == 0 && Tokens.Count == 0 && Wallets.Count == 0;

    /// <summary>The tail of a journal still at <paramref name="head"/>.</summary>
    public static LedgerTail None(LedgerHead head) => new(head, [], [], []);
}
