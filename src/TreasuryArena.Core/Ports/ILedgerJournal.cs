using TreasuryArena.Core.Ledger;

namespace TreasuryArena.Core.Ports;

/// <summary>
/// Durable storage of the ledger. Only <see cref="LedgerService"/>'s single writer calls
/// <see cref="AppendAsync"/>; a batch must become durable atomically (all of it or nothing) before it returns.
/// </summary>
public interface ILedgerJournal
{
    /// <summary>Tokens and wallets.</summary>
    Task<LedgerSnapshot> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Every entry in sequence order.</summary>
    IAsyncEnumerable<LedgerEntry> ReadEntriesAsync(CancellationToken cancellationToken);

    /// <summary>The materialised balances table.</summary>
    Task<IReadOnlyDictionary<BalanceKey, decimal>> ReadBalancesAsync(CancellationToken cancellationToken);

    /// <summary>Writes a batch atomically and durably.</summary>
    Task AppendAsync(LedgerBatch batch, CancellationToken cancellationToken);
}
