namespace TreasuryArena.Core.Ledger;

/// <summary>
/// A ledger account, identified by a canonical string:
/// <c>external</c> (the outside world: deposits come from it, withdrawals go to it),
/// <c>revenue</c> (the platform's fee income),
/// <c>wallet:{address}</c> (a wallet's cash and its shares of each token),
/// <c>fund:{symbol}</c> (a token's backing portfolio, valued in USD),
/// <c>issuance:{symbol}</c> (where a token's shares are minted from and burnt to; its balance is −supply),
/// <c>market:{symbol}</c> (the other side of NAV re-valuations: market gains and losses);
/// and for an organisation's own treasury (see <see cref="TreasuryNames"/>):
/// <c>treasury:{org}:cash</c> (its USD cash), <c>treasury:{org}:{ASSET}</c> (one position: the asset's units and its
/// USD carrying value, marked to market), <c>venue:{venue}</c> (the trading counterparty: asset units come from and go
/// to it), <c>venue-fees</c> (execution costs paid to venues: fees and slippage) and <c>market:treasury:{org}</c>
/// (the other side of the treasury's mark-to-market and yield accrual).
/// External, issuance, market and venue accounts are <see cref="IsContra"/> and may go negative; all others never do.
/// </summary>
public readonly record struct LedgerAccount
{
    private LedgerAccount(string id) => Id = id;

    public static LedgerAccount External { get; } = new("external");

    public static LedgerAccount Revenue { get; } = new("revenue");

    /// <summary>Execution costs the treasury paid to venues (fees and slippage); only grows.</summary>
    public static LedgerAccount VenueFees { get; } = new("venue-fees");

    public string Id { get; }

    public bool IsContra => Id == External.Id || Id.StartsWith("issuance:", StringComparison.Ordinal) || Id.StartsWith("market:", StringComparison.Ordinal) || Id.StartsWith("venue:", StringComparison.Ordinal);

    public bool IsWallet => Id.StartsWith("wallet:", StringComparison.Ordinal);

    public static LedgerAccount Wallet(string address) => new("wallet:" + address);

    public static LedgerAccount Fund(string symbol) => new("fund:" + symbol);

    public static LedgerAccount Issuance(string symbol) => new("issuance:" + symbol);

    public static LedgerAccount Market(string symbol) => new("market:" + symbol);

    /// <summary>The treasury's cash: <c>treasury:{org}:cash</c>.</summary>
    public static LedgerAccount TreasuryCash(string organisation) => new("treasury:" + organisation + ":cash");

    /// <summary>One treasury position: <c>treasury:{org}:{ASSET}</c> (asset units and USD carrying value).</summary>
    public static LedgerAccount TreasuryPosition(string organisation, string asset) => new("treasury:" + organisation + ":" + asset);

    /// <summary>The other side of the treasury's marks and yield: <c>market:treasury:{org}</c>.</summary>
    public static LedgerAccount TreasuryMarket(string organisation) => new("market:treasury:" + organisation);

    /// <summary>A trading venue, the counterparty of the treasury's asset units: <c>venue:{venue}</c>.</summary>
    public static LedgerAccount Venue(string venue) => new("venue:" + venue);

    public bool IsTreasury => Id.StartsWith("treasury:", StringComparison.Ordinal);

    /// <summary>Rebuilds an account from its stored id (validated).</summary>
    public static LedgerAccount Parse(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var ok = id == External.Id || id == Revenue.Id || id == VenueFees.Id ||
                 id.StartsWith("treasury:", StringComparison.Ordinal) || id.StartsWith("venue:", StringComparison.Ordinal) ||
                 id.StartsWith("wallet:", StringComparison.Ordinal) || id.StartsWith("fund:", StringComparison.Ordinal) ||
                 id.StartsWith("issuance:", StringComparison.Ordinal) || id.StartsWith("market:", StringComparison.Ordinal);
        return ok ? new LedgerAccount(id) : throw new FormatException($"not a ledger account: {id}");
    }

    /// <summary>The part after the colon (wallet address or token symbol), or empty.</summary>
    public string Owner => Id.IndexOf(':', StringComparison.Ordinal) is var i and >= 0 ? Id[(i + 1)..] : "";

    public override string ToString() => Id;
}
