using TreasuryArena.Core.Common;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Infrastructure.Reports;

/// <summary>
/// Builds a <see cref="WalletStatement"/> on the business calendar: the ledger's entries (in sequence order) are
/// replayed up to each day of the month by their valuation dates (<see cref="LedgerEntry.BusinessDate"/>: the NAV date
/// of a trade or fee, the platform date of a deposit), and the shares are valued at the NAV history's NAV of that day
/// (the last stored NAV on or before it; the ledger's current NAV from <c>today</c>, the platform date, on, or when a
/// token has no history). The journal's order is kept: an entry written after one with a later valuation date (a buy
/// at a NAV older than the deposit before it) counts from that later date (<see cref="EffectiveDates"/>), so cash
/// never runs ahead of the deposits that fund it. A wallet replayed over past history has statements for every month
/// it existed on that calendar: it was opened on the date of its first entry (<see cref="OpenedOn"/>).
/// </summary>
public static class WalletStatementBuilder
{
    public static WalletStatement Build(
        Wallet wallet,
        IReadOnlyList<LedgerEntry> entries,
        IReadOnlyDictionary<string, IReadOnlyList<NavHistoryRow>> navHistory,
        IReadOnlyDictionary<string, decimal> currentNav,
        DateOnly month,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(wallet);
        ArgumentNullException.ThrowIfNull(entries);
        var first = new DateOnly(month.Year, month.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var account = LedgerAccount.Wallet(wallet.Address);
        var opened = OpenedOn(wallet, entries, today);
        if (first > today)
        {
            throw new ArgumentException($"{first:yyyy-MM} has not started yet (today is {today:yyyy-MM-dd})");
        }

        if (last < opened)
        {
            throw new ArgumentException($"wallet {wallet.Address} was opened on {opened:yyyy-MM-dd}, after {first:yyyy-MM}");
        }

        var closing = last < today ? last : today;
        var dates = EffectiveDates(entries);
        var cash = 0m;
        var shares = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        var supply = new Dictionary<string, decimal>(StringComparer.Ordinal);
        decimal deposits = 0m, withdrawals = 0m, tradeFees = 0m, managementFees = 0m, performanceFees = 0m;
        var transactions = new List<StatementTransaction>();
        var days = new List<DateOnly>();
        var values = new List<decimal>();
        decimal openingCash = 0m;
        IReadOnlyList<StatementHolding> opening = [];

        var i = 0;
        StatementTransaction? pending = null;
        long pendingOp = -1;
        for (var day = first.AddDays(-1); day <= closing; day = day.AddDays(1))
        {
            var inMonth = day >= first;
            for (; i < entries.Count && dates[i] <= day; i++)
            {
                var e = entries[i];
                if (e.Unit.IsCash is false)
                {
                    if (e.From.Id.StartsWith("issuance:", StringComparison.Ordinal))
                    {
                        supply[e.Unit.Code] = supply.GetValueOrDefault(e.Unit.Code) + e.Amount;
                    }
                    else if (e.To.Id.StartsWith("issuance:", StringComparison.Ordinal))
                    {
                        supply[e.Unit.Code] = supply.GetValueOrDefault(e.Unit.Code) - e.Amount;
                    }
                }

                if (inMonth && e.Kind == EntryKind.Fee && e.From.Id.StartsWith("fund:", StringComparison.Ordinal)
                    && shares.GetValueOrDefault(e.From.Owner) is var held and > 0m && supply.GetValueOrDefault(e.From.Owner) is var s and > 0m)
                {
                    var part = e.Amount * held / s;
                    if (e.Memo == FeeMemo.Performance)
                    {
                        performanceFees += part;
                    }
                    else
                    {
                        managementFees += part;
                    }
                }

                var into = e.To == account;
                if (!into && e.From != account)
                {
                    continue;
                }

                var sign = into ? 1m : -1m;
                if (e.Unit.IsCash)
                {
                    cash += sign * e.Amount;
                }
                else
                {
                    shares[e.Unit.Code] = shares.GetValueOrDefault(e.Unit.Code) + (sign * e.Amount);
                }

                if (!inMonth)
                {
                    continue;
                }

                var fee = e.Kind == EntryKind.Fee && e.Memo == FeeMemo.Trade ? e.Amount : 0m;
                tradeFees += fee;
                deposits += e.Kind == EntryKind.Deposit ? e.Amount : 0m;
                withdrawals += e.Kind == EntryKind.Withdraw ? e.Amount : 0m;
                if (pending is not null && pendingOp != e.OperationId)
                {
                    transactions.Add(pending);
                    pending = null;
                }

                pending = StatementTransaction.Fold(pending, e, account);
                pendingOp = e.OperationId;
            }

            var holdings = Value(shares, navHistory, currentNav, day, today);
            if (!inMonth)
            {
                openingCash = cash;
                opening = holdings;
                continue;
            }

            days.Add(day);
            values.Add(cash + holdings.Sum(h => h.Value));
            if (day == closing)
            {
                if (pending is not null)
                {
                    transactions.Add(pending);
                }

                return new WalletStatement(wallet.Address, wallet.Organisation, ModeName(wallet.Mode), wallet.Risk.ToString().ToUpperInvariant(), first, first.AddDays(-1), closing,
                    openingCash, opening, cash, holdings, transactions, deposits, withdrawals, tradeFees, RoundingPolicy.Cents(managementFees),
                    RoundingPolicy.Cents(performanceFees), days, values)
                {
                    WalletName = wallet.Name,
                };
            }
        }

        throw new InvalidOperationException("unreachable: the closing day is always reached");
    }

    /// <summary>
    /// The business date from which each entry (in sequence order) counts: its valuation date, or the latest valuation
    /// date of the entries before it when that is later (the running maximum keeps the journal's order).
    /// </summary>
    public static DateOnly[] EffectiveDates(IReadOnlyList<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var dates = new DateOnly[entries.Count];
        var latest = DateOnly.MinValue;
        for (var k = 0; k < entries.Count; k++)
        {
            latest = entries[k].BusinessDate > latest ? entries[k].BusinessDate : latest;
            dates[k] = latest;
        }

        return dates;
    }

    /// <summary>
    /// The business date a wallet was opened: the date its first ledger entry (its first deposit, in sequence order)
    /// counts from, else the date it was created, never after <paramref name="today"/> (the platform date).
    /// </summary>
    public static DateOnly OpenedOn(Wallet wallet, IReadOnlyList<LedgerEntry> entries, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(wallet);
        ArgumentNullException.ThrowIfNull(entries);
        var account = LedgerAccount.Wallet(wallet.Address);
        var dates = EffectiveDates(entries);
        for (var k = 0; k < entries.Count; k++)
        {
            if (entries[k].To == account || entries[k].From == account)
            {
                return dates[k];
            }
        }

        var created = DateOnly.FromDateTime(wallet.CreatedAt.UtcDateTime);
        return created < today ? created : today;
    }

    private static List<StatementHolding> Value(
        SortedDictionary<string, decimal> shares,
        IReadOnlyDictionary<string, IReadOnlyList<NavHistoryRow>> navHistory,
        IReadOnlyDictionary<string, decimal> currentNav,
        DateOnly day,
        DateOnly today)
    {
        var list = new List<StatementHolding>();
        foreach (var (symbol, count) in shares)
        {
            if (count == 0m)
            {
                continue;
            }

            var (nav, date) = NavOn(symbol, day, today, navHistory, currentNav);
            list.Add(new StatementHolding(symbol, count, nav, date, RoundingPolicy.CentsDown(count * nav)));
        }

        return list;
    }

    private static (decimal Nav, DateOnly? Date) NavOn(
        string symbol, DateOnly day, DateOnly today, IReadOnlyDictionary<string, IReadOnlyList<NavHistoryRow>> navHistory, IReadOnlyDictionary<string, decimal> currentNav)
    {
        var current = currentNav.TryGetValue(symbol, out var c) ? c : (decimal?)null;
        if (day >= today && current is { } now)
        {
            return (now, null);
        }

        if (navHistory.TryGetValue(symbol, out var rows) && rows.Count > 0)
        {
            NavHistoryRow? best = null;
            foreach (var r in rows)
            {
                if (r.Date <= day && (best is null || r.Date > best.Date))
                {
                    best = r;
                }
            }

            if (best is not null)
            {
                return (best.Nav, best.Date);
            }
        }

        return current is { } fallback ? (fallback, null) : (0m, null);
    }

    private static string ModeName(WalletMode mode) => mode switch
    {
        WalletMode.FullAi => "FULL_AI",
        WalletMode.Hybrid => "HYBRID",
        _ => "MANUAL",
    };
}
