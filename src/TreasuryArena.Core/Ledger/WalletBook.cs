using TreasuryArena.Core.Common;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Ledger;

/// <summary>
/// The ledger's wallets and what they hold: each (wallet, token) holding's cost basis and realised P&amp;L, and each
/// wallet's buys and sells on its latest trading day (for the daily-trades monitoring rule). Share and cash amounts
/// are the balances'. Part of <see cref="LedgerState"/>; not thread-safe.
/// </summary>
internal sealed class WalletBook(LedgerBalances balances, TokenBook tokens)
{
    private readonly Dictionary<string, Wallet> wallets = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Address, string Symbol), HoldingBook> holdings = [];
    private readonly Dictionary<string, (int Day, int Count)> tradesByDay = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Wallet> All => wallets;

    public bool Contains(string address) => wallets.ContainsKey(address);

    public bool TryGet(string address, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Wallet? wallet) => wallets.TryGetValue(address, out wallet);

    /// <summary>Adds or replaces a wallet (wallets are never removed).</summary>
    public void Set(Wallet wallet) => wallets[wallet.Address] = wallet;

    /// <summary>Buys and sells of the wallet on <paramref name="day"/> (0 unless it is the wallet's latest trading day).</summary>
    public int TradesOn(string address, DateOnly day) =>
        tradesByDay.TryGetValue(address, out var t) && t.Day == day.DayNumber ? t.Count : 0;

    /// <summary>Counts one buy or sell of the wallet on day number <paramref name="day"/> (only the latest day is kept).</summary>
    public void CountTrade(string address, int day)
    {
        var (last, count) = tradesByDay.GetValueOrDefault(address);
        if (day > last)
        {
            tradesByDay[address] = (day, 1);
        }
        else if (day == last)
        {
            tradesByDay[address] = (day, count + 1);
        }
    }

    /// <summary>The cost basis and realised P&amp;L of a holding, created empty on first use.</summary>
    public HoldingBook Book(string address, string symbol)
    {
        if (!holdings.TryGetValue((address, symbol), out var book))
        {
            book = new HoldingBook();
            holdings[(address, symbol)] = book;
        }

        return book;
    }

    public Holding? Holding(string address, string symbol)
    {
        var shares = Shares.Of(balances.Of(LedgerAccount.Wallet(address), LedgerUnit.SharesOf(symbol)));
        var book = holdings.GetValueOrDefault((address, symbol));
        if (shares.IsZero && book is null)
        {
            return null;
        }

        return new Holding(address, symbol, shares, Money.Usd(book?.Cost ?? 0m), Money.Usd(book?.Realised ?? 0m));
    }

    public WalletView? View(string address)
    {
        if (!wallets.TryGetValue(address, out var w))
        {
            return null;
        }

        var list = new List<Holding>();
        var account = LedgerAccount.Wallet(address);
        foreach (var symbol in tokens.SortedSymbols())
        {
            var shares = balances.Of(account, LedgerUnit.SharesOf(symbol));
            if (shares != 0m)
            {
                var book = holdings.GetValueOrDefault((address, symbol));
                list.Add(new Holding(address, symbol, Shares.Of(shares), Money.Usd(book?.Cost ?? 0m), Money.Usd(book?.Realised ?? 0m)));
            }
        }

        return new WalletView(w, Money.Usd(balances.Of(account, LedgerUnit.Usd)), list);
    }

    /// <summary>A holding's cost basis and realised P&amp;L (USD).</summary>
    internal sealed class HoldingBook
    {
        public decimal Cost { get; set; }

        public decimal Realised { get; set; }
    }
}
