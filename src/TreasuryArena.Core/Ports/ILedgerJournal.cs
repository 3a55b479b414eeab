using TreasuryArena.Core.Ledger;

namespace TreasuryArena.Core.Ports;

/// <summary>
/// Durable storage of the ledger, the source of truth shared by every process on one database: each process's
/// <see cref="LedgerService"/> is a cache of it that follows its tail. Appends go through a turn
/// (<see cref="BeginAppendAsync"/>) and are conditional on the head the writer validated against; a batch becomes
/// durable atomically (all of it or nothing) before the append returns.
/// </summary>
public interface ILedgerJournal
{
    /// <summary>Tokens and wallets.</summary>
    Task<LedgerSnapshot> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Every entry in sequence order.</summary>
    IAsyncEnumerable<LedgerEntry> ReadEntriesAsync(CancellationToken cancellationToken);

    /// <summary>The materialised balances table.</summary>
    Task<IReadOnlyDictionary<BalanceKey, decimal>> ReadBalancesAsync(CancellationToken cancellationToken);

    /// <summary>The journal's head now (one small read: what a follower polls).</summary>
    Task<LedgerHead> ReadHeadAsync(CancellationToken cancellationToken);

    /// <summary>What was committed after <paramref name="since"/>, read consistently (outside any turn).</summary>
    Task<LedgerTail> ReadTailAsync(LedgerHead since, CancellationToken cancellationToken);

    /// <summary>Waits for the journal's write lock and returns the turn that holds it.</summary>
    Task<ILedgerAppendTurn> BeginAppendAsync(CancellationToken cancellationToken);
}
