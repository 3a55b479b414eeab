using TreasuryArena.Core.Ledger;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Infrastructure.Reports;

/// <summary>
/// A wallet's ledger history, newest first, one row per operation (deposit, withdrawal, buy, sell), folded from the
/// ledger's entries exactly as the monthly statement folds them (<see cref="StatementTransaction.Fold"/>).
/// </summary>
public static class WalletTransactions
{
    private const int ChunkEntries = 256;

    /// <summary>Up to <paramref name="limit"/> operations whose entries all precede <paramref name="beforeSequence"/> (null: from the newest).</summary>
    public static async Task<WalletTransactionPage> ReadAsync(SqlLedgerJournal journal, string address, int limit, long? beforeSequence, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var account = LedgerAccount.Wallet(address);

        // Entries of one operation are consecutive in the sequence; read backwards in chunks until limit + 1 operations
        // have started (so the limit-th is complete) or the history ends.
        var entries = new List<LedgerEntry>();
        var operations = 0;
        long lastOp = -1;
        var cursor = beforeSequence;
        var exhausted = false;
        while (operations <= limit && !exhausted)
        {
            var chunk = await journal.ReadAccountEntriesAsync(account, cursor, ChunkEntries, ct);
            exhausted = chunk.Count < ChunkEntries;
            foreach (var e in chunk)
            {
                if (e.OperationId != lastOp)
                {
                    operations++;
                    lastOp = e.OperationId;
                }

                if (operations > limit)
                {
                    break;
                }

                entries.Add(e);
            }

            if (chunk.Count > 0)
            {
                cursor = chunk[^1].Sequence;
            }
        }

        var rows = new List<WalletTransaction>();
        for (var i = 0; i < entries.Count;)
        {
            var op = entries[i].OperationId;
            var sequence = entries[i].Sequence;
            var j = i;
            while (j < entries.Count && entries[j].OperationId == op)
            {
                j++;
            }

            StatementTransaction? t = null;
            for (var k = j - 1; k >= i; k--)
            {
                t = StatementTransaction.Fold(t, entries[k], account);
            }

            rows.Add(new WalletTransaction(sequence, op, t!));
            i = j;
        }

        var more = operations > limit;
        return new WalletTransactionPage(rows, more && rows.Count > 0 ? entries[^1].Sequence : null);
    }
}
