using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Tokens;

namespace TreasuryArena.Core.Ledger;

/// <summary>
/// What a buy or sell would do at the token's current state, without trading: the same fee and the same share/cash
/// rounding as the ledger's own buy and sell (shares issued rounded down, cash paid out rounded down), so the fee a
/// trustee is shown before confirming is the fee charged if nothing moves in between. <see cref="Error"/> is set when
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
        var supply = token.Supply.Value;
        var gav = token.GrossAssetValue.Amount;
        var shares = supply > 0m
            ? gav > 0m ? RoundingPolicy.SharesIssued(net * supply / gav) : 0m
            : RoundingPolicy.SharesIssued(net / t.ReferenceNav.Value);
        var (error, message) = !TokenLifecycle.CanBuy(t.Status)
            ? (LedgerError.TokenNotTradable, $"{t.Symbol} is {t.Status}; buying needs an active token")
            : shares <= 0m
                ? (LedgerError.InvalidAmount, $"{cash} buys less than one unit (10^-8) of {t.Symbol}")
                : ((LedgerError?)null, (string?)null);
        return new TradeQuote(t.Symbol, true, shares, token.NavPerShare, t.Fees.TradeFeeRate, fee, cash, Money.Usd(net), error, message);
    }

    public static TradeQuote ForSell(TokenView token, Shares shares)
    {
        ArgumentNullException.ThrowIfNull(token);
        var t = token.Token;
        var supply = token.Supply.Value;
        var gav = token.GrossAssetValue.Amount;
        var gross = supply <= 0m || shares.Value > supply
            ? 0m
            : shares.Value == supply ? gav : RoundingPolicy.CashPaidOut(shares.Value * gav / supply, Currency.Usd);
        var fee = FeeCalculator.TradeFee(Money.Usd(gross), t.Fees);
        var (error, message) = supply <= 0m || shares.Value > supply
            ? (LedgerError.InsufficientShares, $"{t.Symbol} has {supply} shares outstanding; cannot sell {shares}")
            : gross <= 0m
                ? (LedgerError.InvalidAmount, $"{shares} {t.Symbol} are worth less than one cent")
                : ((LedgerError?)null, (string?)null);
        return new TradeQuote(t.Symbol, false, shares.Value, token.NavPerShare, t.Fees.TradeFeeRate, fee, Money.Usd(gross), Money.Usd(gross - fee.Amount), error, message);
    }
}
