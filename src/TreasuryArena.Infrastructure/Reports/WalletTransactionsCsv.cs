namespace TreasuryArena.Infrastructure.Reports;

/// <summary>
/// A wallet's operations as CSV (<see cref="ReportCsv"/>), newest first as <see cref="WalletTransactions"/> reads them:
/// <c>sequence, operation_id, at</c> (UTC instant written), <c>valuation_date, operation, token, shares</c> (+ bought,
/// − sold), <c>nav</c> (of a trade), <c>cash_change_usd</c> (net, fees included) and <c>trade_fee_usd</c>.
/// </summary>
public static class WalletTransactionsCsv
{
    public static string Render(IEnumerable<WalletTransaction> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new ReportCsv("sequence", "operation_id", "at", "valuation_date", "operation", "token", "shares", "nav", "cash_change_usd", "trade_fee_usd");
        foreach (var r in rows)
        {
            var t = r.Operation;
            csv.Row(
                r.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.OperationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                t.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                ReportCsv.Date(t.ValuationDate),
                ReportCsv.Text(t.Operation),
                ReportCsv.Text(t.Symbol),
                ReportCsv.Number(t.Shares),
                ReportCsv.Number(t.Nav),
                ReportCsv.Number(t.CashChange),
                ReportCsv.Number(t.TradeFee));
        }

        return csv.ToString();
    }
}
