using TreasuryArena.Core.Common;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Infrastructure.Reports;

/// <summary>
/// A wallet's turnover and fees paid, folded from its ledger entries (one <see cref="StatementTransaction"/> per
/// operation). Traded value = buys (cash spent, fee included) + sells (gross proceeds). One-way turnover = ½ × traded
/// value ÷ the wallet's value now (the ledger keeps no daily wallet value; <c>arena evaluate</c> divides by the average
/// value instead). Trade fees are the ledger's <c>trade</c> fee postings out of the wallet; management and performance
/// fees are charged to the token funds (in their NAV), not to wallets. Windows are on the business calendar: an
/// operation counts in the last 30 (365) days when its valuation date is within 30 (365) days of <c>today</c>, the
/// platform date; the wallet was opened on the valuation date of its first operation (in the journal's order).
/// </summary>
public static class WalletActivity
{
    private const int ChunkEntries = 1024;

    public static async Task<WalletActivityReport> ReadAsync(SqlLedgerJournal journal, string address, decimal valueNow, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var account = LedgerAccount.Wallet(address);
        var entries = new List<LedgerEntry>();
        long? cursor = null;
        while (true)
        {
            var chunk = await journal.ReadAccountEntriesAsync(account, cursor, ChunkEntries, ct);
            entries.AddRange(chunk);
            if (chunk.Count < ChunkEntries)
            {
                break;
            }

            cursor = chunk[^1].Sequence;
        }

        entries.Reverse();
        var operations = new List<StatementTransaction>();
        StatementTransaction? t = null;
        long op = -1;
        foreach (var e in entries)
        {
            if (e.OperationId != op && t is not null)
            {
                operations.Add(t);
                t = null;
            }

            op = e.OperationId;
            t = StatementTransaction.Fold(t, e, account);
        }

        if (t is not null)
        {
            operations.Add(t);
        }

        // Opened on the valuation date of the wallet's first operation in the journal's order (operations ascend here).
        return Fold(operations, valueNow, today) with { OpenedOn = operations.Count == 0 ? null : operations[0].ValuationDate };
    }

    /// <summary>The report over already folded operations (newest or oldest first; order does not matter).</summary>
    public static WalletActivityReport Fold(IReadOnlyList<StatementTransaction> operations, decimal valueNow, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var windows = new[] { today.AddDays(-30), today.AddDays(-365), DateOnly.MinValue };
        var traded = new decimal[3];
        var fees = new decimal[3];
        var trades = new int[3];
        decimal deposits = 0m, withdrawals = 0m;
        foreach (var o in operations)
        {
            var name = o.Operation;
            if (name == nameof(LedgerOperationKind.Deposit))
            {
                deposits += o.CashChange;
                continue;
            }

            if (name == nameof(LedgerOperationKind.Withdraw))
            {
                withdrawals -= o.CashChange;
                continue;
            }

            var isTrade = name == nameof(LedgerOperationKind.Buy) || name == nameof(LedgerOperationKind.Sell);
            if (!isTrade)
            {
                continue;
            }

            var gross = name == nameof(LedgerOperationKind.Buy) ? -o.CashChange : o.FundCash;
            for (var i = 0; i < 3; i++)
            {
                if (o.ValuationDate > windows[i])
                {
                    traded[i] += gross;
                    fees[i] += o.TradeFee;
                    trades[i]++;
                }
            }
        }

        decimal? Turnover(decimal v) => valueNow > 0m ? RoundingPolicy.Ratio(v / 2m / valueNow, 6) : null;
        return new WalletActivityReport(
            new WalletActivityReport.Window(Turnover(traded[0]), traded[0], trades[0], fees[0]),
            new WalletActivityReport.Window(Turnover(traded[1]), traded[1], trades[1], fees[1]),
            new WalletActivityReport.Window(Turnover(traded[2]), traded[2], trades[2], fees[2]),
            deposits,
            withdrawals,
            deposits > 0m ? RoundingPolicy.Ratio(fees[2] / deposits, 6) : null);
    }
}
