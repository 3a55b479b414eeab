using System.Globalization;

namespace TreasuryArena.Infrastructure.Reports;

/// <summary>
/// A <see cref="WalletStatement"/> as CSV (<see cref="ReportCsv"/>), one table with a <c>section</c> column so one file
/// holds the whole statement: <c>statement</c> (organisation, wallet name and address, month, period), <c>summary</c>
/// (opening and closing value, deposits, withdrawals, gain, return), <c>fees</c>, <c>opening_holding</c> and
/// <c>closing_holding</c> (each token, then cash), <c>transaction</c> (by valuation date: operation, token, shares, NAV,
/// cash change, trade fee) and <c>daily_value</c> (the chart's points). Amounts are USD.
/// </summary>
public static class WalletStatementCsv
{
    public static string Render(WalletStatement s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var csv = new ReportCsv("section", "date", "item", "token", "shares", "nav", "amount_usd", "fee_usd", "text");
        void Info(string item, string text) => csv.Row("statement", "", item, "", "", "", "", "", ReportCsv.Text(text));
        void Amount(string section, string item, decimal amount, DateOnly? date = null) =>
            csv.Row(section, date is { } d ? ReportCsv.Date(d) : "", item, "", "", "", ReportCsv.Number(amount), "", "");

        Info("organisation", s.OrganisationName ?? s.Organisation);
        Info("organisation_id", s.Organisation);
        Info("wallet_name", s.WalletName ?? "");
        Info("wallet", s.Address);
        Info("mode", s.Mode);
        Info("risk", s.Risk);
        Info("month", s.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        Info("period", ReportCsv.Date(s.Month) + " to " + ReportCsv.Date(s.ClosingDate));

        Amount("summary", "opening_value", s.OpeningValue, s.OpeningDate);
        Amount("summary", "deposits", s.Deposits);
        Amount("summary", "withdrawals", s.Withdrawals);
        Amount("summary", "closing_value", s.ClosingValue, s.ClosingDate);
        Amount("summary", "gain", s.Gain);
        csv.Row("summary", "", "return", "", "", "", "", "", s.Return is { } r ? ReportCsv.Number(r) : "");
        Amount("fees", "trade", s.TradeFees);
        Amount("fees", "management", s.ManagementFees);
        Amount("fees", "performance", s.PerformanceFees);
        Amount("fees", "total", s.TradeFees + s.ManagementFees + s.PerformanceFees);

        Holdings(csv, "opening_holding", s.OpeningDate, s.OpeningCash, s.OpeningHoldings);
        Holdings(csv, "closing_holding", s.ClosingDate, s.ClosingCash, s.ClosingHoldings);

        foreach (var t in s.Transactions)
        {
            csv.Row("transaction", ReportCsv.Date(t.ValuationDate), ReportCsv.Text(t.Operation), ReportCsv.Text(t.Symbol), t.Shares == 0m ? "" : ReportCsv.Number(t.Shares),
                ReportCsv.Number(t.Nav), ReportCsv.Number(t.CashChange), t.TradeFee == 0m ? "" : ReportCsv.Number(t.TradeFee), "");
        }

        for (var i = 0; i < s.Days.Count; i++)
        {
            Amount("daily_value", "value", s.DailyValues[i], s.Days[i]);
        }

        return csv.ToString();
    }

    private static void Holdings(ReportCsv csv, string section, DateOnly date, decimal cash, IReadOnlyList<StatementHolding> holdings)
    {
        foreach (var h in holdings)
        {
            csv.Row(section, ReportCsv.Date(h.NavDate ?? date), "token", ReportCsv.Text(h.Symbol), ReportCsv.Number(h.Shares), ReportCsv.Number(h.Nav), ReportCsv.Number(h.Value), "", "");
        }

        csv.Row(section, ReportCsv.Date(date), "cash", "", "", "", ReportCsv.Number(cash), "", "");
    }
}
