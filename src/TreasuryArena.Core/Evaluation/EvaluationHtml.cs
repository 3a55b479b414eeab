using System.Globalization;
using System.Net;
using System.Text;
using TreasuryArena.Core.Reporting;

namespace TreasuryArena.Core.Evaluation;

/// <summary>
/// The evaluation as one self-contained HTML file (inline SVG, no scripts, no external assets, printable): the
/// success-metrics table, equity and drawdown curves of every contender per tolerance and of the treasury, yearly
/// returns, the token table, method and what the run does not cover.
/// </summary>
public static class EvaluationHtml
{
    /// <summary>How many treasury calls the report lists (the largest measured differences); the JSON has them all.</summary>
    public const int MaxCalls = 15;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly string[] Palette = ["#2563eb", "#f59e0b", "#10b981", "#8b5cf6", "#ef4444", "#64748b"];

    public static string Render(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Treasury Arena evaluation</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:24px auto;max-width:960px;color:#0f172a}")
            .Append("table{border-collapse:collapse;font-size:13px;margin:8px 0 20px}td,th{padding:3px 10px;border-bottom:1px solid #e2e8f0;text-align:right}")
            .Append("td:first-child,th:first-child{text-align:left}h1{font-size:22px}h2{font-size:17px;margin-top:30px}h3{font-size:15px}.meta{color:#475569;font-size:13px}")
            .Append(".met{color:#047857;font-weight:600}.miss{color:#b91c1c;font-weight:600}svg{max-width:100%;height:auto}")
            .Append("@media print{body{margin:0;max-width:none}h2{break-before:page}svg,table{break-inside:avoid}}")
            .Append("</style></head><body>");
        sb.Append("<h1>Treasury Arena — walk-forward evaluation</h1><p class=\"meta\">")
            .Append(E(F($"{report.Window.From:yyyy-MM-dd} … {report.Window.To:yyyy-MM-dd} · data through {report.DataThrough:yyyy-MM-dd} · {report.Schedule} rebalancing · ${report.Capital:N0} per wallet · {report.Seconds:0.0} s{(report.RunAt is { } at ? F($" · run {at:yyyy-MM-dd HH:mm} UTC") : "")}")))
            .Append("</p>");

        sb.Append("<h2>Success metrics</h2><table><tr><th>metric</th><th>target</th><th>value</th><th>met</th></tr>");
        foreach (var m in report.SuccessMetrics)
        {
            sb.Append("<tr><td title=\"").Append(E(m.Description)).Append("\">").Append(E(m.Name)).Append("<br><span class=\"meta\">").Append(E(m.Description)).Append("</span></td><td>")
                .Append(E(m.Comparison + " " + m.Target.ToString("0.###", Inv))).Append("</td><td>").Append(E(N(m.Value, "0.###"))).Append("</td><td class=\"")
                .Append(m.Met ? "met\">met" : "miss\">not met").Append("</td></tr>");
        }

        sb.Append("</table>");

        foreach (var w in report.Wallets)
        {
            sb.Append("<h2>Wallets — ").Append(E(w.Tolerance)).Append("</h2><p>Optimizer excess over 1/N: <b>")
                .Append(E(N(w.ExcessVsEqualWeight.Value, "P2"))).Append("</b> a year (interval ").Append(E(N(w.ExcessVsEqualWeight.CiLow, "P2"))).Append(" … ")
                .Append(E(N(w.ExcessVsEqualWeight.CiHigh, "P2"))).Append("): ").Append(E(w.Verdict)).Append(".<br>").Append(E(EvaluationMarkdown.Breaker(w))).Append("<br><span class=\"meta\">").Append(E(w.ExcessVsEqualWeight.Method)).Append("</span></p>");
            Contenders(sb, [w.Optimizer, w.EqualWeight, w.Static6040]);
        }

        sb.Append("<h2>Treasury</h2>");
        if (report.Treasury.Note is { } note)
        {
            sb.Append("<p class=\"meta\">").Append(E(note)).Append("</p>");
        }

        Contenders(sb, new[] { report.Treasury.Managed, report.Treasury.Static6040, report.Treasury.BtcHold }.OfType<ContenderResult>().ToList());
        if (report.Treasury.Calls.Count > 0)
        {
            var calls = report.Treasury.Calls;
            var judged = calls.Where(c => c.Difference is not null).ToList();
            sb.Append(Inv, $"<h3>The calls that made the difference</h3><p class=\"meta\">{calls.Count} decisions traded; {judged.Count} judged after the journal's horizon, adding {judged.Sum(c => c.Difference!.Value):N0} USD in total against not trading. The {Math.Min(MaxCalls, judged.Count)} largest either way:</p>");
            sb.Append("<table><tr><th>date</th><th>action</th><th>acted − not (USD)</th><th>outcome</th></tr>");
            foreach (var c in judged.OrderByDescending(c => Math.Abs(c.Difference!.Value)).Take(MaxCalls).OrderBy(c => c.Date))
            {
                sb.Append(Inv, $"<tr><td>{c.Date:yyyy-MM-dd}</td><td>{E(c.Action)}</td><td>{c.Difference:N0}</td><td style=\"text-align:left\">{E(c.Outcome ?? "—")}</td></tr>");
            }

            sb.Append("</table>");
        }

        sb.Append("<h2>Tokens against holding their main asset</h2><table><tr><th>token</th><th>strategy</th><th>status</th><th>from</th><th>return</th><th>HODL</th><th>BTC</th><th>beat HODL</th><th>Sharpe</th><th>max DD</th><th>fees</th><th>breaker pauses / resumes</th></tr>");
        foreach (var t in report.Tokens)
        {
            sb.Append(Inv, $"<tr><td>{E(t.Symbol)}</td><td>{E(t.Strategy)}</td><td>{E(t.Status)}</td><td>{(t.InvestedFrom is { } f ? f.ToString("yyyy-MM-dd", Inv) : "—")}</td>")
                .Append(Inv, $"<td>{E(N(t.Token?.TotalReturn, "P1"))}</td><td>{E(N(t.HodlReturn, "P1"))} ({E(t.MainAsset)})</td><td>{E(N(t.BtcReturn, "P1"))}</td>")
                .Append(Inv, $"<td class=\"{(t.BeatHodl ? "met\">yes" : "miss\">no")}</td><td>{E(N(t.Token?.Sharpe, "0.00"))}</td><td>{E(N(t.Token?.MaxDrawdown, "P1"))}</td>")
                .Append(Inv, $"<td>{E((t.Token?.FeesPaid ?? 0m).ToString("N2", Inv))}</td><td>{t.BreakerTrips.Count} / {t.BreakerResumes?.Count ?? 0}</td></tr>");
        }

        sb.Append("</table>");
        sb.Append("<h2>Method</h2><ul>");
        foreach (var m in report.Method)
        {
            sb.Append("<li>").Append(E(m)).Append("</li>");
        }

        sb.Append("</ul><h2>Not covered by this run</h2><ul>");
        foreach (var m in report.NotCovered)
        {
            sb.Append("<li>").Append(E(m)).Append("</li>");
        }

        sb.Append("</ul></body></html>");
        return sb.ToString();
    }

    private static void Contenders(StringBuilder sb, IReadOnlyList<ContenderResult> contenders)
    {
        var withSeries = contenders.Where(c => c.Series is { Dates.Count: > 1 }).ToList();
        if (withSeries.Count > 0)
        {
            var dates = withSeries[0].Series!.Dates;
            var equity = withSeries.Select((c, i) => new SvgSeries(c.Name, Aligned(c.Series!, dates), Palette[i % Palette.Length])).ToList();
            sb.Append(SvgChart.Line("Value (USD, log scale)", dates, equity, logScale: true));
            var drawdowns = withSeries.Select((c, i) => new SvgSeries(c.Name, Drawdowns(Aligned(c.Series!, dates)), Palette[i % Palette.Length])).ToList();
            sb.Append(SvgChart.Line("Drawdown", dates, drawdowns, height: 200, valueFormat: "P0"));
        }

        sb.Append("<table><tr><th>contender</th><th>final</th><th>CAGR</th><th>volatility</th><th>Sharpe</th><th>Sortino</th><th>max DD</th><th>Calmar</th><th>turnover/yr</th><th>fees</th><th>cash</th><th>drift before</th></tr>");
        foreach (var c in contenders)
        {
            sb.Append(Inv, $"<tr><td>{E(c.Name)}</td><td>{c.FinalValue:N0}</td><td>{E(N(c.Cagr, "P2"))}</td><td>{E(N(c.Volatility, "P1"))}</td><td>{E(N(c.Sharpe, "0.00"))}</td>")
                .Append(Inv, $"<td>{E(N(c.Sortino, "0.00"))}</td><td>{E(N(c.MaxDrawdown, "P1"))}</td><td>{E(N(c.Calmar, "0.00"))}</td><td>{E(N(c.Turnover, "0.00"))}</td>")
                .Append(Inv, $"<td>{c.FeesPaid:N0}</td><td>{E(N(c.AverageCashShare, "P0"))}</td><td>{E(N(c.DriftBeforeRebalance, "P1"))}</td></tr>");
        }

        sb.Append("</table>");
        var years = contenders.SelectMany(c => c.Years.Select(y => y.Year)).Distinct().Order().ToList();
        if (years.Count > 0)
        {
            sb.Append("<table><tr><th>yearly return</th>");
            foreach (var y in years)
            {
                sb.Append(Inv, $"<th>{y}</th>");
            }

            sb.Append("</tr>");
            foreach (var c in contenders)
            {
                sb.Append("<tr><td>").Append(E(c.Name)).Append("</td>");
                foreach (var y in years)
                {
                    var r = c.Years.FirstOrDefault(x => x.Year == y);
                    sb.Append("<td>").Append(r is null ? "—" : E(r.Return.ToString("P1", Inv) + (r.Partial ? "*" : ""))).Append("</td>");
                }

                sb.Append("</tr>");
            }

            sb.Append("</table><p class=\"meta\">* part of the year.</p>");
        }
    }

    private static double[] Aligned(ValueSeries series, IReadOnlyList<DateOnly> dates)
    {
        var result = new double[dates.Count];
        var j = -1;
        for (var i = 0; i < dates.Count; i++)
        {
            while (j + 1 < series.Dates.Count && series.Dates[j + 1] <= dates[i])
            {
                j++;
            }

            result[i] = j < 0 ? double.NaN : series.Values[j];
        }

        return result;
    }

    private static double[] Drawdowns(double[] values)
    {
        var peak = double.NegativeInfinity;
        var dd = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsFinite(values[i]))
            {
                peak = Math.Max(peak, values[i]);
            }

            dd[i] = double.IsFinite(values[i]) && peak > 0 ? (values[i] / peak) - 1 : double.NaN;
        }

        return dd;
    }

    /// <summary>A statistic for display: "—" when undefined; a value that rounds to zero shows no minus sign.</summary>
    internal static string N(double? value, string format)
    {
        if (value is not { } v)
        {
            return "—";
        }

        var text = v.ToString(format, Inv);
        return text.StartsWith('-') && text.AsSpan(1).IndexOfAnyExcept("0.,% ") < 0 ? text[1..] : text;
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string F(FormattableString s) => s.ToString(Inv);
}
