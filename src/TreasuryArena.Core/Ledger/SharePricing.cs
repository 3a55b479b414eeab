using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Ledger;

/// <summary>
/// The one price of a fund share: the ledger's buys, sells and displayed NAV, and the quotes shown before a trade, all
/// come from these functions of the same three figures (gross asset value, supply, reference NAV).
/// <para>ERC-4626 with a virtual offset (OpenZeppelin): the fund is priced as if <see cref="VirtualShares"/> more shares
/// were outstanding, backed by their value at the reference NAV R (the last struck NAV, carried by the token):</para>
/// <code>
/// price  = (GAV + V·R) / (supply + V)                      V = 100 shares = 10^10 units of 10^-8
/// buy:   shares = floor₈(net × (supply + V) / (GAV + V·R))   (deposit: take the cash, issue shares, round down)
/// sell:  gross  = min(GAV, floor₂(shares × (GAV + V·R) / (supply + V)))   (redeem: burn, then pay, round down)
/// NAV    = floor₈(price)
/// </code>
/// An empty fund is priced at R exactly (its first buyer gets floor₈(net / R) shares). Because a buy's shares are at most
/// net / price and a sale's cash at most shares × price, the price after any trade is at least the price before it
/// (the mediant of the two ratios), so a buyer's shares are never worth more at the post-trade price than the net cash
/// paid and a seller never receives more than the shares' value, in every state: empty, near-empty and dust supply.
/// The cent lost by flooring GAV on a revaluation moves the price by less than 0.01 / (supply + V) per share, so a
/// dust supply can no longer be bought at a discount to the struck NAV (the ERC-4626 inflation case).
/// All functions are allocation-free decimal arithmetic.
/// </summary>
public static class SharePricing
{
    /// <summary>The virtual shares: 100 shares, i.e. an offset of 10 in the ledger's 10^-8 share units.</summary>
    public const decimal VirtualShares = 100m;

    /// <summary>The virtual assets: the virtual shares valued at the reference NAV (USD, not rounded: never posted).</summary>
    public static decimal VirtualAssets(UnitPrice reference) => VirtualShares * reference.Value;

    /// <summary>The NAV per share shown and quoted: floor₈((GAV + V·R) / (supply + V)).</summary>
    public static UnitPrice NavPerShare(decimal grossAssetValue, decimal supply, UnitPrice reference) =>
        UnitPrice.Of(RoundingPolicy.PriceDown((grossAssetValue + VirtualAssets(reference)) / (supply + VirtualShares)));

    /// <summary>Shares issued for <paramref name="net"/> USD invested: floor₈(net × (supply + V) / (GAV + V·R)).</summary>
    public static decimal SharesIssued(decimal net, decimal grossAssetValue, decimal supply, UnitPrice reference)
    {
        var assets = grossAssetValue + VirtualAssets(reference);
        return assets <= 0m ? 0m : RoundingPolicy.SharesIssued(net * (supply + VirtualShares) / assets);
    }

    /// <summary>
    /// Gross cash paid for redeeming <paramref name="shares"/>: floor₂(shares × (GAV + V·R) / (supply + V)), never more
    /// than the fund holds.
    /// </summary>
    public static decimal CashPaidOut(decimal shares, decimal grossAssetValue, decimal supply, UnitPrice reference)
    {
        var cash = RoundingPolicy.CashPaidOut(shares * (grossAssetValue + VirtualAssets(reference)) / (supply + VirtualShares), Currency.Usd);
        return Math.Min(cash, grossAssetValue);
    }

    /// <summary>
    /// The reference NAV after fees of <c>before − after</c> were taken from the fund: the virtual shares pay the same
    /// fraction (R × after / before, rounded down), so fees move the price by exactly their share of the fund.
    /// </summary>
    public static UnitPrice ReferenceAfterFees(UnitPrice reference, decimal grossBefore, decimal grossAfter) =>
        grossBefore <= 0m || grossAfter >= grossBefore
            ? reference
            : UnitPrice.Of(Math.Max(SmallestPrice, RoundingPolicy.PriceDown(reference.Value * grossAfter / grossBefore)));

    /// <summary>10^-8 USD: a reference NAV stays positive, so an empty fund always has a price.</summary>
    private const decimal SmallestPrice = 0.00000001m;
}
