using TreasuryArena.Core.Ledger;

namespace TreasuryArena.Server.Contracts;

/// <summary>An executed buy or sell. <see cref="Cash"/>: spent (buy, fee included) or received net (sell).</summary>
public sealed record TradeResponse(
    string Status,
    long OperationId,
    string Address,
    string Symbol,
    decimal Shares,
    decimal Nav,
    decimal Fee,
    decimal Cash,
    bool Repeated)
{
    public static TradeResponse From(LedgerResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new("executed", r.OperationId, r.Address ?? "", r.Symbol ?? "", r.Shares.Value, r.NavPerShare.Value, r.Fee.Amount, r.Cash.Amount, r.Repeated);
    }
}
