using System.Runtime.CompilerServices;
using TreasuryArena.Core.Ports;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Ledger;

/// <summary>
/// A journal that keeps everything in memory (tests, backtests, demos that need no database). Several
/// <see cref="LedgerService"/>s may share one, as processes share a database: appends take turns and are conditional
/// on the head, and each service follows the others through the tail.
/// </summary>
#pragma warning disable CA1001 // The turn semaphore is only awaited (it never allocates a wait handle), like ArenaDatabase's write turn.
public sealed class InMemoryLedgerJournal : ILedgerJournal
#pragma warning restore CA1001
{
    private readonly Lock gate = new();
    private readonly SemaphoreSlim turns = new(1, 1);
    private readonly List<LedgerEntry> entries = [];
    private readonly Dictionary<BalanceKey, decimal> balances = [];
    private readonly Dictionary<string, (StrategyToken Token, long Revision)> tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Wallet Wallet, long Revision)> wallets = new(StringComparer.Ordinal);
    private LedgerHead head = LedgerHead.Empty;

    /// <summary>Number of batches appended (each one a "commit").</summary>
    public int Commits { get; private set; }

    public int EntryCount
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    public Task<LedgerSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(new LedgerSnapshot([.. tokens.Values.Select(t => t.Token)], [.. wallets.Values.Select(w => w.Wallet)]));
        }
    }

    public async IAsyncEnumerable<LedgerEntry> ReadEntriesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        LedgerEntry[] copy;
        lock (gate)
        {
            copy = [.. entries];
        }

        foreach (var e in copy)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }

        await Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<BalanceKey, decimal>> ReadBalancesAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyDictionary<BalanceKey, decimal>>(new Dictionary<BalanceKey, decimal>(balances));
        }
    }

    public Task<LedgerHead> ReadHeadAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(head);
        }
    }

    public Task<LedgerTail> ReadTailAsync(LedgerHead since, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (since.Sequence == head.Sequence && since.Revision == head.Revision)
            {
                return Task.FromResult(LedgerTail.None(head));
            }

            // Entries are numbered from 1 without gaps, so entry n sits at index n - 1.
            var from = (int)Math.Min(since.Sequence, entries.Count);
            return Task.FromResult(new LedgerTail(
                head,
                entries.GetRange(from, entries.Count - from),
                [.. tokens.Values.Where(t => t.Revision > since.Revision).Select(t => t.Token)],
                [.. wallets.Values.Where(w => w.Revision > since.Revision).Select(w => w.Wallet)]));
        }
    }

    public async Task<ILedgerAppendTurn> BeginAppendAsync(CancellationToken cancellationToken)
    {
        await turns.WaitAsync(cancellationToken);
        return new Turn(this);
    }

    /// <summary>
    /// Appends <paramref name="batch"/> on whatever the head is (seeding a journal in tests and tools); throws when
    /// its entries do not follow the head.
    /// </summary>
    public async Task AppendAsync(LedgerBatch batch, CancellationToken cancellationToken)
    {
        await using var turn = await BeginAppendAsync(cancellationToken);
        var (outcome, _) = await turn.AppendAsync(batch, await ReadHeadAsync(cancellationToken), cancellationToken);
        if (outcome != LedgerAppendOutcome.Appended)
        {
            throw new InvalidOperationException("the batch's entries do not follow the journal's head");
        }
    }

    private (LedgerAppendOutcome, LedgerHead) Append(LedgerBatch batch, LedgerHead expected)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (gate)
        {
            if (expected != head || (batch.Entries.Count > 0 && batch.Entries[0].Sequence != head.Sequence + 1))
            {
                return (LedgerAppendOutcome.Conflict, head);
            }

            var revision = head.Revision + 1;
            entries.AddRange(batch.Entries);
            foreach (var (k, v) in batch.Balances)
            {
                balances[k] = v;
            }

            foreach (var t in batch.Tokens)
            {
                tokens[t.Symbol] = (t, revision);
            }

            foreach (var w in batch.Wallets)
            {
                wallets[w.Address] = (w, revision);
            }

            head = batch.Entries.Count > 0 ? new LedgerHead(batch.Entries[^1].Sequence, batch.Entries[^1].Hash, revision) : head with { Revision = revision };
            Commits++;
            return (LedgerAppendOutcome.Appended, head);
        }
    }

    /// <summary>Test hook: replaces the stored entries (to simulate tampering).</summary>
    internal void Tamper(Func<List<LedgerEntry>, List<LedgerEntry>> change)
    {
        lock (gate)
        {
            var changed = change([.. entries]);
            entries.Clear();
            entries.AddRange(changed);
        }
    }

    private sealed class Turn(InMemoryLedgerJournal journal) : ILedgerAppendTurn
    {
        private bool done;

        public Task<LedgerTail> ReadTailAsync(LedgerHead since, CancellationToken cancellationToken) => journal.ReadTailAsync(since, cancellationToken);

        public Task<(LedgerAppendOutcome Outcome, LedgerHead Head)> AppendAsync(LedgerBatch batch, LedgerHead expected, CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(done, this);
            return Task.FromResult(journal.Append(batch, expected));
        }

        public ValueTask DisposeAsync()
        {
            if (!done)
            {
                done = true;
                journal.turns.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
