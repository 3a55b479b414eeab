namespace TreasuryArena.Core.Ledger;

/// <summary>
/// A ledger account, identified by a canonical string:
/// <c>external</c> (the outside world: deposits come from it, withdrawals go to it),
/// <c>revenue</c> (the platform's fee income),
/// <c>wallet:{address}</c> (a wallet's cash and its shares of each token),
/// <c>fund:{symbol}</c> (a token's backing portfolio, valued in USD),
/// <c>issuance:{symbol}</c> (where a token's shares are minted from and burnt to; its balance is −supply),
/// <c>market:{symbol}</c> (the other side of NAV re-valuations: market gains and losses).
/// External, issuance and market accounts are <see cref="IsContra"/> and may go negative; all others never do.
/// </summary>
public readonly record struct LedgerAccount
{
    private LedgerAccount(string id) => Id = id;

    public static LedgerAccount External { get; } = new("external");

    public static LedgerAccount Revenue { get; } = new("revenue");

    public string Id { get; }

    public bool IsContra => Id == External.Id || Id.StartsWith("issuance:", StringComparison.Ordinal) || Id.StartsWith("market:", StringComparison.Ordinal);

    public bool IsWallet => Id.StartsWith("wallet:", StringComparison.Ordinal);

    public static LedgerAccount Wallet(string address) => new("wallet:" + address);

    public static LedgerAccount Fund(string symbol) => new("fund:" + symbol);

    public static LedgerAccount Issuance(string symbol) => new("issuance:" + symbol);

    public static LedgerAccount Market(string symbol) => new("market:" + symbol);

    /// <summary>Rebuilds an account from its stored id (validated).</summary>
    public static LedgerAccount Parse(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var ok = id == External.Id || id == Revenue.Id ||
                 id.StartsWith("wallet:", StringComparison.Ordinal) || id.StartsWith("fund:", StringComparison.Ordinal) ||
                 id.StartsWith("issuance:", StringComparison.Ordinal) || id.StartsWith("market:", StringComparison.Ordinal);
        return ok ? new LedgerAccount(id) : throw new FormatException($"not a ledger account: {id}");
    }

    /// <summary>The part after the colon (wallet address or token symbol), or empty.</summary>
    public string Owner => Id.IndexOf(':', StringComparison.Ordinal) is var i and >= 0 ? Id[(i + 1)..] : "";

    public override string ToString() => Id;
}
