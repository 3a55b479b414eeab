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

    /// <summary>Treasury buy: the notional (USD) from the treasury's cash into the position's carrying value.</summary>
    Purchase,

    /// <summary>Treasury sale: the notional (USD) from the position's carrying value into the treasury's cash.</summary>
    Proceeds,

    /// <summary>Treasury buy: asset units from the venue into the position (memo: the fill price).</summary>
    Receive,

    /// <summary>Treasury sale: asset units from the position to the venue (memo: the fill price).</summary>
    Deliver,

    /// <summary>A treasury position's carrying value moved to units × price against <c>market:treasury:{org}</c>
    /// (memo <c>mark</c> for a market price, <c>yield</c> for a yield index's accrual).</summary>
    Mark,
}
