using System.Text.Json;
using TreasuryArena.Infrastructure.Reports;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// One operation on a wallet: <see cref="Shares"/> + bought / − sold, <see cref="Nav"/> the NAV of a trade,
/// <see cref="Amount"/> the signed change of the wallet's cash (fee included), <see cref="Sequence"/> the paging cursor,
/// <see cref="At"/> the wall-clock instant it was written and <see cref="ValuationDate"/> the business date it was
/// priced at (a trade: its NAV's date; a deposit or withdrawal: the platform date).
/// </summary>
public sealed record WalletTransactionResponse(long Sequence, long OperationId, string Type, string? Symbol, decimal Shares, decimal? Nav, decimal Fee, decimal Amount, DateTimeOffset At, DateOnly ValuationDate)
{
    public static WalletTransactionResponse From(WalletTransaction t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var o = t.Operation;
        return new(t.Sequence, t.OperationId, JsonNamingPolicy.SnakeCaseLower.ConvertName(o.Operation), o.Symbol, o.Shares, o.Nav, o.TradeFee, o.CashChange, o.At, o.ValuationDate);
    }
}
