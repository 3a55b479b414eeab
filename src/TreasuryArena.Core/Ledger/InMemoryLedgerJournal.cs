using System.Runtime.CompilerServices;
using TreasuryArena.Core.Ports;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Ledger;

/// <summary>A journal that keeps everything in memory (tests, backtests, demos that need no database).</summary>
public sealed class InMemoryLedgerJournal : ILedgerJournal
{
    private readonly Lock gate = new();
    private readonly List<LedgerEntry> entries = [];
    private readonly Dictionary<BalanceKey, decimal> balances = [];
    private readonly Dictionary<string, StrategyToken> tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Wallet> wallets = new(StringComparer.Ordinal);

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
            return Task.FromResult(new LedgerSnapshot([.. tokens.Values], [.. wallets.Values]));
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

    public Task AppendAsync(LedgerBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (gate)
        {
            entries.AddRange(batch.Entries);
            foreach (var (k, v) in batch.Balances)
            {
                balances[k] = v;
            }

            foreach (var t in batch.Tokens)
            {
                tokens[t.Symbol] = t;
            }

            foreach (var w in batch.Wallets)
            {
                wallets[w.Address] = w;
            }

            Commits++;
        }

        return Task.CompletedTask;
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
}
