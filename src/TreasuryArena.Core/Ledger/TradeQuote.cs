using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Tokens;

namespace TreasuryArena.Core.Ledger;

/// <summary>
/// What a buy or sell would do at the token's current state, without trading: the same price functions
/// (<see cref="SharePricing"/>), fee and rounding as the ledger's own buy and sell, so the NAV, shares, fee and cash a
/// trustee is shown before confirming are those of the trade if nothing moves in between. <see cref="Error"/> is set when
/// the ledger would refuse the trade for the token or the amount (the wallet's balance is not checked here).
/// </summary>
/// <param name="Gross">Buy: the cash spent (fee included). Sell: the redemption value of the shares.</param>
/// <param name="Net">Buy: the cash invested after the fee. Sell: the proceeds to the wallet after the fee.</param>
public sealed record TradeQuote(string Symbol, bool IsBuy, decimal Shares, UnitPrice Nav, decimal FeeRate, Money Fee, Money Gross, Money Net, LedgerError? Error, string? Message)
{
    public static TradeQuote ForBuy(TokenView token, Money cash)
    {
        ArgumentNullException.ThrowIfNull(token);
        var t = token.Token;
        var fee = FeeCalculator.TradeFee(cash, t.Fees);
        var net = cash.Amount - fee.Amount;
        var shares = SharePricing.SharesIssued(net, token.GrossAssetValue.Amount, token.Supply.Value, t.ReferenceNav);
        var (error, message) = !TokenLifecycle.CanBuy(t.Status)
            ? (LedgerError.TokenNotTradable, $"{t.Symbol} is {t.Status}; buying needs an active token")
            : shares <= 0m
                ? (LedgerError.InvalidAmount, $"{cash} buys less than one unit (10^-8) of {t.Symbol}")
                : ((LedgerError?)null, (string?)null);
        return new TradeQuote(t.Symbol, true, shares, token.NavPerShare, t.Fees.TradeFeeRate, fee, cash, Money.Usd(net), error, message);
    }

    /// <summary>
    /// A sale of <paramref name="shares"/>. With <paramref name="held"/> (the wallet's holding), a sale of the whole
    /// holding worth less than a cent quotes as the ledger executes it: the shares are burned for nothing.
    /// </summary>
    public static TradeQuote ForSell(TokenView token, Shares shares, Shares? held = null)
    {
        ArgumentNullException.ThrowIfNull(token);
        var t = token.Token;
        var supply = token.Supply.Value;
        var gross = supply <= 0m || shares.Value > supply
            ? 0m
            : SharePricing.CashPaidOut(shares.Value, token.GrossAssetValue.Amount, supply, t.ReferenceNav);
        var fee = FeeCalculator.TradeFee(Money.Usd(gross), t.Fees);
        var (error, message) = supply <= 0m || shares.Value > supply
            ? (LedgerError.InsufficientShares, $"{t.Symbol} has {supply} shares outstanding; cannot sell {shares}")
            : gross <= 0m && (held is not { } h || shares < h)
                ? (LedgerError.InvalidAmount, $"{shares} {t.Symbol} are worth less than one cent (sell the whole holding to close it)")
                : ((LedgerError?)null, (string?)null);
        return new TradeQuote(t.Symbol, false, shares.Value, token.NavPerShare, t.Fees.TradeFeeRate, fee, Money.Usd(gross), Money.Usd(gross - fee.Amount), error, message);
    }
}
