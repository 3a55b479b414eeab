namespace TreasuryArena.Core.Ledger;

/// <summary>The transaction type of one ledger entry.</summary>
public enum EntryKind
{
    /// <summary>Cash from outside into a wallet.</summary>
    Deposit,

    /// <summary>Cash from a wallet to outside.</summary>
    Withdraw,

    /// <summary>A buy's net cash from the wallet into the fund.</summary>
    Buy,

    /// <summary>A sale's gross cash from the fund to the wallet.</summary>
    Sell,

    /// <summary>Shares issued to a wallet.</summary>
    Mint,

    /// <summary>Shares redeemed from a wallet.</summary>
    Burn,

    /// <summary>Any fee to the platform revenue account (memo: trade, management or performance).</summary>
    Fee,

    /// <summary>A NAV re-valuation of a fund against its market account.</summary>
    Revalue,
}
