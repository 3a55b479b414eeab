using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Ports;

namespace TreasuryArena.Infrastructure.Reports;

/// <summary>Revenue by fee type, read from the ledger journal (the entries are the record; balances are derived).</summary>
public static class LedgerRevenue
{
    public static async Task<RevenueByFeeType> ByFeeTypeAsync(ILedgerJournal journal, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
        if (from is { } f && to is { } t && f > t)
        {
            throw new ArgumentException($"from {f:yyyy-MM-dd} is after to {t:yyyy-MM-dd}");
        }

        decimal trade = 0m, management = 0m, performance = 0m;
        var count = 0;
        await foreach (var e in journal.ReadEntriesAsync(ct))
        {
            if (e.Kind != EntryKind.Fee || e.To != LedgerAccount.Revenue)
            {
                continue;
            }

            // On the business calendar: a fee counts on the valuation date it was charged at (its NAV day).
            var day = e.BusinessDate;
            if ((from is { } a && day < a) || (to is { } b && day > b))
            {
                continue;
            }

            count++;
            switch (e.Memo)
            {
                case FeeMemo.Trade:
                    trade += e.Amount;
                    break;
                case FeeMemo.Management:
                    management += e.Amount;
                    break;
                case FeeMemo.Performance:
                    performance += e.Amount;
                    break;
                default:
                    throw new InvalidDataException($"ledger entry {e.Sequence}: unknown fee memo '{e.Memo}'");
            }
        }

        return new RevenueByFeeType(from, to, trade, management, performance, count);
    }
}
