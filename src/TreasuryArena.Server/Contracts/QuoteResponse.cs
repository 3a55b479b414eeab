using TreasuryArena.Core.Ledger;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// What a trade would do now, without trading. Buy: <see cref="GrossAmount"/> is the USD spent, <see cref="NetAmount"/>
/// what is invested after the fee, <see cref="Shares"/> the shares issued. Sell: <see cref="GrossAmount"/> is the
/// shares' redemption value, <see cref="NetAmount"/> the proceeds after the fee.
/// </summary>
public sealed record QuoteResponse(string Side, string Address, string Symbol, decimal Nav, decimal Shares, decimal Fee, decimal FeeRate, decimal GrossAmount, decimal NetAmount)
{
    public static QuoteResponse From(string address, TradeQuote q)
    {
        ArgumentNullException.ThrowIfNull(q);
        return new(q.IsBuy ? "buy" : "sell", address, q.Symbol, q.Nav.Value, q.Shares, q.Fee.Amount, q.FeeRate, q.Gross.Amount, q.Net.Amount);
    }
}
