namespace TreasuryArena.Core.Ledger;

/// <summary>
/// The ledger's organisation treasuries: per organisation, each position's cost basis and last venue, and the last
/// operation that touched it. Units, carrying values and cash are the balances'. Part of <see cref="LedgerState"/>;
/// not thread-safe.
/// </summary>
internal sealed class TreasuryBooks(LedgerBalances balances)
{
    private readonly Dictionary<string, TreasuryBook> treasuries = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="organisation"/> (a normalised name) has received capital.</summary>
    public bool Contains(string organisation) => treasuries.ContainsKey(organisation);

    /// <summary>The organisation's book, opened on its first operation.</summary>
    public TreasuryBook Open(string organisation)
    {
        if (!treasuries.TryGetValue(organisation, out var book))
        {
            book = new TreasuryBook();
            treasuries[organisation] = book;
        }

        return book;
    }

    /// <summary>The organisation's treasury as the ledger holds it, or null when it has never received capital.</summary>
    public TreasuryLedgerView? View(string organisation)
    {
        var org = TreasuryNames.Name(organisation);
        if (org is null || !treasuries.TryGetValue(org, out var book))
        {
            return null;
        }

        var positions = new List<TreasuryLedgerPosition>();
        foreach (var (asset, position) in book.Positions.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var account = LedgerAccount.TreasuryPosition(org, asset);
            var units = balances.Of(account, LedgerUnit.Asset(asset));
            var value = balances.Of(account, LedgerUnit.Usd);
            if (units != 0m || value != 0m)
            {
                positions.Add(new TreasuryLedgerPosition(asset, position.Venue, units, value, position.Cost));
            }
        }

        return new TreasuryLedgerView(org, balances.Of(LedgerAccount.TreasuryCash(org), LedgerUnit.Usd), positions, book.LastOperationId);
    }

    internal sealed class TreasuryBook
    {
        public Dictionary<string, TreasuryPositionBook> Positions { get; } = new(StringComparer.Ordinal);

        public long LastOperationId { get; set; }

        public TreasuryPositionBook Position(string asset)
        {
            if (!Positions.TryGetValue(asset, out var p))
            {
                p = new TreasuryPositionBook();
                Positions[asset] = p;
            }

            return p;
        }
    }

    internal sealed class TreasuryPositionBook
    {
        public decimal Cost { get; set; }

        public string Venue { get; set; } = "";
    }
}
