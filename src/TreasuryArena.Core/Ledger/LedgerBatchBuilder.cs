using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Ledger;

/// <summary>Collects what a group commit must write while the writer executes the batch's commands.</summary>
public sealed class LedgerBatchBuilder
{
    private readonly List<LedgerEntry> entries = [];
    private readonly HashSet<BalanceKey> touched = [];
    private readonly Dictionary<string, StrategyToken> tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Wallet> wallets = new(StringComparer.Ordinal);

    public int EntryCount => entries.Count;

    public bool IsEmpty => entries.Count == 0 && tokens.Count == 0 && wallets.Count == 0;

    public void Entry(LedgerEntry entry) => entries.Add(entry);

    public void Touch(BalanceKey key) => touched.Add(key);

    public void Token(StrategyToken token) => tokens[token.Symbol] = token;

    public void Wallet(Wallet wallet) => wallets[wallet.Address] = wallet;

    /// <summary>The batch, with the touched balances' values read from <paramref name="state"/>.</summary>
    public LedgerBatch Build(LedgerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var balances = new Dictionary<BalanceKey, decimal>(touched.Count);
        foreach (var key in touched)
        {
            balances[key] = state.Balances.GetValueOrDefault(key);
        }

        return new LedgerBatch([.. entries], balances, [.. tokens.Values], [.. wallets.Values]);
    }

    public void Clear()
    {
        entries.Clear();
        touched.Clear();
        tokens.Clear();
        wallets.Clear();
    }
}
