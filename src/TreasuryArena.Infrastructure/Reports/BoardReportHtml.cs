using System.Globalization;
using System.Text;
using TreasuryArena.Core.Reporting;

namespace TreasuryArena.Infrastructure.Reports;

/// <summary>
/// A printable, self-contained HTML page of a <see cref="BoardReport"/> (inline CSS and SVG, no scripts, no other origin),
/// the same page headless Chromium prints to PDF. Each section has an id (<c>summary</c>, <c>performance</c>, <c>fees</c>,
/// <c>compliance</c>, <c>decisions</c>, <c>holdings</c>, <c>liquidity</c>).
/// </summary>
public static class BoardReportHtml
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(BoardReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var sb = ReportHtml.Start("Board report " + r.Organisation + " " + r.Quarter, ".summary p{margin:.3em 0}.breach{color:#9b1c1c}td.n,td.d{white-space:nowrap}");
        sb.Append("<h1>Quarterly board report — ").Append(E(r.Organisation)).Append(", ").Append(r.Quarter.ToString()).Append("</h1>")
          .Append("<p class=\"muted\">Period ").Append(D(r.Quarter.First)).Append(" to ").Append(D(r.Closing))
          .Append(" (UTC business days). Benchmark: ").Append(E(r.Policy.Benchmark)).Append(". Values are shares × NAV per share after fees, plus cash.</p>");

        sb.Append("<section id=\"summary\" class=\"summary\"><h2>Summary</h2>");
        foreach (var line in r.Summary)
        {
            sb.Append("<p>").Append(E(line)).Append("</p>");
        }

        sb.Append("</section><section id=\"performance\"><h2>Performance against the benchmark</h2>");
        if (r.Performance.Count == 0 && r.Treasury is null)
        {
            sb.Append("<p>No wallets were open in this quarter.</p>");
        }
        else
        {
            sb.Append("<table><thead><tr><th>Account</th><th>Since</th><th class=\"n\">Value (USD)</th><th class=\"n\">Quarter</th><th class=\"n\">Benchmark</th>")
              .Append("<th class=\"n\">Year to date</th><th class=\"n\">Benchmark</th><th class=\"n\">Since inception</th><th class=\"n\">Benchmark</th></tr></thead><tbody>");
            foreach (var p in r.Performance.Append(r.Total).Append(r.Treasury).OfType<BoardPerformanceRow>())
            {
                sb.Append("<tr>").Append(Account(p.Account)).Append("<td class=\"d\">").Append(D(p.Inception)).Append("</td><td class=\"n\">").Append(p.ClosingValue.ToString("N2", Inv))
                  .Append("</td><td class=\"n\">").Append(P(p.QuarterReturn)).Append("</td><td class=\"n\">").Append(P(p.BenchmarkQuarter))
                  .Append("</td><td class=\"n\">").Append(P(p.YearToDateReturn)).Append("</td><td class=\"n\">").Append(P(p.BenchmarkYearToDate))
                  .Append("</td><td class=\"n\">").Append(P(p.InceptionReturn)).Append("</td><td class=\"n\">").Append(P(p.BenchmarkInception)).Append("</td></tr>");
            }

            sb.Append("</tbody></table><p class=\"muted\">Wallet returns chain monthly returns (gain ÷ opening value plus deposits); the benchmark is bought at the close of the day before each span.</p>");
            if (r.Days.Count > 1)
            {
                sb.Append(SvgChart.Line("Wallets' combined value (USD)", r.Days, [new SvgSeries("value", [.. r.DailyValues.Select(v => (double)v)], "#1f5fa8")], 900, 260));
            }
        }

        if (r.Treasury is null)
        {
            sb.Append("<p class=\"muted\">This organisation has no treasury of its own; only its wallets are reported.</p>");
        }

        sb.Append("</section><section id=\"fees\"><h2>Fees paid</h2><table><tbody>")
          .Append(Money("Trade fees", r.Fees.Trade)).Append(Money("Management fees (share inside the NAV)", r.Fees.Management))
          .Append(Money("Performance fees (share inside the NAV)", r.Fees.Performance)).Append(Money("Total", r.Fees.Total)).Append("</tbody></table></section>");

        sb.Append("<section id=\"compliance\"><h2>Policy compliance and breaches</h2>");
        if (r.Breaches.Count == 0)
        {
            sb.Append("<p>No breaches of the investment policy were recorded this quarter.</p>");
        }
        else
        {
            sb.Append("<table><thead><tr><th>Date</th><th>Clause</th><th>What happened</th><th>Suggested remedy</th></tr></thead><tbody>");
            foreach (var b in r.Breaches)
            {
                sb.Append("<tr class=\"breach\"><td>").Append(D(b.Date)).Append("</td><td>").Append(E(b.Clause)).Append("</td><td>").Append(E(b.Description))
                  .Append("</td><td>").Append(E(b.Remedy ?? "")).Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        sb.Append("</section><section id=\"decisions\"><h2>Decisions, reasoning and outcomes</h2>");
        if (r.Decisions.Count == 0)
        {
            sb.Append("<p>No decisions were recorded this quarter.</p>");
        }
        else
        {
            sb.Append("<table><thead><tr><th>Date</th><th>Account</th><th>Decision</th><th>Reasoning</th><th>Outcome</th></tr></thead><tbody>");
            foreach (var d in r.Decisions)
            {
                sb.Append("<tr><td class=\"d\">").Append(D(d.Date)).Append("</td>").Append(Account(d.Source)).Append("<td>").Append(E(d.Action)).Append("</td><td>")
                  .Append(E(d.Reasoning)).Append("</td><td>").Append(E(d.Outcome)).Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        sb.Append("</section><section id=\"holdings\"><h2>Holdings at ").Append(D(r.Closing)).Append("</h2><table><thead><tr><th>Account</th><th>Holding</th>")
          .Append("<th class=\"n\">Units</th><th class=\"n\">Value (USD)</th></tr></thead><tbody>");
        foreach (var h in r.Holdings)
        {
            sb.Append("<tr>").Append(Account(h.Account)).Append("<td>").Append(E(h.Asset)).Append("</td><td class=\"n\">").Append(h.Units.ToString("#,0.########", Inv))
              .Append("</td><td class=\"n\">").Append(h.Value.ToString("N2", Inv)).Append("</td></tr>");
        }

        sb.Append("<tr><td></td><td>Cash</td><td></td><td class=\"n\">").Append(r.Cash.ToString("N2", Inv)).Append("</td></tr><tr><th></th><th>Total</th><th></th><th class=\"n\">")
          .Append(r.ClosingValue.ToString("N2", Inv)).Append("</th></tr></tbody></table></section>");

        sb.Append("<section id=\"liquidity\"><h2>Liquidity reserve</h2><table><tbody>").Append(Money("Cash", r.Cash))
          .Append(r.Policy.MonthlyExpenses is { } m ? Money("Monthly expenses (investment policy)", m) : "<tr><th>Monthly expenses (investment policy)</th><td class=\"n\">not set</td></tr>")
          .Append("<tr><th>Coverage</th><td class=\"n\">").Append(r.ReserveMonths is { } months ? months.ToString("0.0", Inv) + " months" : "not set").Append("</td></tr></tbody></table></section>");

        sb.Append("<p class=\"muted\">Generated by Treasury Arena from the hash-chained ledger, the NAV history, the decision journal and the market history. Not investment advice; by default no real money moves.</p></body></html>\n");
        return sb.ToString();
    }

    /// <summary>An account cell: a wallet address shortened (<c>0x1234…abcd</c>, the whole address in its title), other names as they are.</summary>
    private static string Account(string name) =>
        name.Length == 42 && name.StartsWith("0x", StringComparison.Ordinal)
            ? "<td title=\"" + E(name) + "\"><code>" + E(name[..6] + "…" + name[^4..]) + "</code></td>"
            : "<td>" + E(name) + "</td>";

    private static string P(decimal? v) => v is { } x ? x.ToString("0.00%", Inv) : "n/a";

    private static string P(double? v) => v is { } x ? x.ToString("0.00%", Inv) : "n/a";

    private static string Money(string label, decimal value) =>
        "<tr><th>" + E(label) + "</th><td class=\"n\">" + value.ToString("#,0.00;-#,0.00;0.00", Inv) + " USD</td></tr>";

    private static string D(DateOnly d) => ReportHtml.D(d);

    private static string E(string s) => ReportHtml.E(s);
}
