using TreasuryArena.Core.Common;
using TreasuryArena.Core.Ledger;

namespace TreasuryArena.Infrastructure.Reports;

/// <summary>
/// One operation on a wallet in a statement: shares are + bought / − sold, cash is the net change of the wallet's cash
/// (fees included); <see cref="FundCash"/> is the cash that went into (buy, net of the fee) or came out of (sell, gross)
/// the token's fund, so <c>FundCash / |Shares|</c> is the NAV the trade was done at. <see cref="At"/> is the wall-clock
/// instant it was written; <see cref="ValuationDate"/> the business date it was priced at (the NAV date of a trade, the
/// platform date of a deposit or withdrawal; the UTC date of <see cref="At"/> for entries written before valuation dates).
/// </summary>
public sealed record StatementTransaction(DateTimeOffset At, string Operation, string? Symbol, decimal Shares, decimal CashChange, decimal TradeFee, decimal FundCash = 0m)
{
    /// <summary>The business date the operation was priced at (see <see cref="LedgerEntry.BusinessDate"/>).</summary>
    public DateOnly ValuationDate { get; init; } = DateOnly.FromDateTime(At.UtcDateTime);

    /// <summary>The NAV per share of a buy or sell (8 decimals), null for cash movements.</summary>
    public decimal? Nav => Shares == 0m || FundCash == 0m ? null : RoundingPolicy.Price(FundCash / Math.Abs(Shares));

    /// <summary>Adds one ledger entry of an operation that touches <paramref name="account"/> (entries of one operation, in sequence order).</summary>
    public static StatementTransaction Fold(StatementTransaction? current, LedgerEntry e, LedgerAccount account)
    {
        ArgumentNullException.ThrowIfNull(e);
        var into = e.To == account;
        var sign = into ? 1m : -1m;
        var other = into ? e.From : e.To;
        var fund = other.Id.StartsWith("fund:", StringComparison.Ordinal);
        var symbol = e.Unit.IsCash ? (fund ? other.Owner : null) : e.Unit.Code;
        var fee = e.Kind == EntryKind.Fee && e.Memo == FeeMemo.Trade ? e.Amount : 0m;
        var t = current ?? new StatementTransaction(e.At, e.Operation.ToString(), symbol, 0m, 0m, 0m) { ValuationDate = e.BusinessDate };
        return t with
        {
            Symbol = t.Symbol ?? symbol,
            Shares = t.Shares + (e.Unit.IsCash ? 0m : sign * e.Amount),
            CashChange = t.CashChange + (e.Unit.IsCash ? sign * e.Amount : 0m),
            TradeFee = t.TradeFee + fee,
            FundCash = t.FundCash + (e.Unit.IsCash && fund ? e.Amount : 0m),
        };
    }
}
