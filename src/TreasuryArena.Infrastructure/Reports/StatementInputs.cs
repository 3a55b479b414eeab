using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Nav;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Infrastructure.Reports;

/// <summary>
/// What wallet statements are built from: every ledger entry in sequence order, the NAV history of each token the
/// given wallets ever held, and the ledger's current NAVs (shared by <c>arena report statement</c> and the board report).
/// </summary>
public sealed record StatementInputs(
    IReadOnlyList<LedgerEntry> Entries,
    IReadOnlyDictionary<string, IReadOnlyList<NavHistoryRow>> History,
    IReadOnlyDictionary<string, decimal> CurrentNav)
{
    public static async Task<StatementInputs> LoadAsync(ArenaDatabase database, LedgerService ledger, TimeProvider time, IEnumerable<string> addresses, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(ledger);
        var entries = new List<LedgerEntry>();
        await foreach (var e in database.CreateLedgerJournal().ReadEntriesAsync(ct))
        {
            entries.Add(e);
        }

        var accounts = addresses.Select(LedgerAccount.Wallet).ToHashSet();
        var symbols = entries.Where(e => !e.Unit.IsCash && (accounts.Contains(e.To) || accounts.Contains(e.From))).Select(e => e.Unit.Code).Distinct(StringComparer.Ordinal).ToList();
        var store = new SqlNavStore(database, time);
        var history = new Dictionary<string, IReadOnlyList<NavHistoryRow>>(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            history[symbol] = await store.HistoryAsync(symbol, null, ct);
        }

        var current = ledger.ListTokens().ToDictionary(t => t.Token.Symbol, t => t.NavPerShare.Value, StringComparer.Ordinal);
        return new StatementInputs(entries, history, current);
    }
}
