using System.Globalization;
using System.Text;

namespace TreasuryArena.Core.Evaluation;

/// <summary>The evaluation's summary as Markdown: success metrics, the wallets per tolerance, the treasury and the tokens.</summary>
public static class EvaluationMarkdown
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append(Inv, $"# Treasury Arena evaluation, {report.Window.From:yyyy-MM-dd} … {report.Window.To:yyyy-MM-dd}\n\n");
        sb.Append(Inv, $"Data through {report.DataThrough:yyyy-MM-dd}; {report.Schedule} rebalancing; ${report.Capital:N0} per wallet; {report.Seconds:0.0} s.\n\n");
        sb.Append("## Success metrics\n\n| metric | target | value | met |\n|---|---|---|---|\n");
        foreach (var m in report.SuccessMetrics)
        {
            sb.Append(Inv, $"| {m.Name} | {m.Comparison} {m.Target:0.###} | {N(m.Value, "0.###")} | {(m.Met ? "met" : "**not met**")} |\n");
        }

        sb.Append("\n## Wallets\n\n| tolerance | contender | final | CAGR | vol | Sharpe | Sortino | max DD | Calmar | turnover/yr | fees | cash |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var w in report.Wallets)
        {
            foreach (var c in new[] { w.Optimizer, w.EqualWeight, w.Static6040 })
            {
                Row(sb, w.Tolerance, c);
            }
        }

        sb.Append('\n');
        foreach (var w in report.Wallets)
        {
            var e = w.ExcessVsEqualWeight;
            sb.Append(Inv, $"- {w.Tolerance}: optimizer − 1/N = {N(e.Value, "P2")} a year (interval {N(e.CiLow, "P2")} … {N(e.CiHigh, "P2")}): {w.Verdict}. {Breaker(w)}\n");
        }

        sb.Append("\n## Treasury\n\n| | contender | final | CAGR | vol | Sharpe | Sortino | max DD | Calmar | turnover/yr | fees | cash |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var c in new[] { report.Treasury.Managed, report.Treasury.Static6040, report.Treasury.BtcHold }.OfType<ContenderResult>())
        {
            Row(sb, "treasury", c);
        }

        if (report.Treasury.Note is { } note)
        {
            sb.Append('\n').Append(note).Append('\n');
        }

        var judged = report.Treasury.Calls.Where(c => c.Difference is not null).ToList();
        if (judged.Count > 0)
        {
            sb.Append(Inv, $"\n{report.Treasury.Calls.Count} treasury decisions traded; {judged.Count} judged after the horizon added {judged.Sum(c => c.Difference!.Value):N0} USD against not trading. Largest:\n\n| date | action | acted − not (USD) |\n|---|---|---|\n");
            foreach (var c in judged.OrderByDescending(c => Math.Abs(c.Difference!.Value)).Take(EvaluationHtml.MaxCalls).OrderBy(c => c.Date))
            {
                sb.Append(Inv, $"| {c.Date:yyyy-MM-dd} | {c.Action} | {c.Difference:N0} |\n");
            }
        }

        sb.Append("\n## Tokens\n\n| token | strategy | status | from | return | HODL | BTC | beat HODL | Sharpe | max DD | breaker pauses / resumes |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var t in report.Tokens)
        {
            sb.Append(Inv, $"| {t.Symbol} | {t.Strategy} | {t.Status} | {(t.InvestedFrom is { } f ? f.ToString("yyyy-MM-dd", Inv) : "—")} | {N(t.Token?.TotalReturn, "P1")} | {N(t.HodlReturn, "P1")} ({t.MainAsset}) | {N(t.BtcReturn, "P1")} | {(t.BeatHodl ? "yes" : "no")} | {N(t.Token?.Sharpe, "0.00")} | {N(t.Token?.MaxDrawdown, "P1")} | {t.BreakerTrips.Count} / {t.BreakerResumes?.Count ?? 0} |\n");
        }

        sb.Append("\n## Not covered\n\n");
        foreach (var n in report.NotCovered)
        {
            sb.Append("- ").Append(n).Append('\n');
        }

        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string group, ContenderResult c) =>
        sb.Append(Inv, $"| {group} | {c.Name} | {c.FinalValue:N0} | {N(c.Cagr, "P2")} | {N(c.Volatility, "P1")} | {N(c.Sharpe, "0.00")} | {N(c.Sortino, "0.00")} | {N(c.MaxDrawdown, "P1")} | {N(c.Calmar, "0.00")} | {N(c.Turnover, "0.00")} | {c.FeesPaid:N0} | {N(c.AverageCashShare, "P0")} |\n");

    private static string N(double? value, string format) => EvaluationHtml.N(value, format);

    /// <summary>What the wallet drawdown breaker did to the optimizer wallet, in one sentence.</summary>
    internal static string Breaker(WalletComparison w)
    {
        if (w.BreakerTrips.Count == 0)
        {
            return "Wallet breaker: never tripped.";
        }

        var trips = string.Join("; ", w.BreakerTrips.Select(t => string.Create(Inv,
            $"{t.Date:yyyy-MM-dd} (value ${t.Value:N0}, {t.Drawdown:P1} below its peak ${t.Peak:N0}) → {(t.ResumedOn is { } r ? "FULL_AI again on " + r.ToString("yyyy-MM-dd", Inv) : "still HYBRID at the end")}")));
        return string.Create(Inv, $"Wallet breaker: {w.BreakerTrips.Count} trip(s): {trips}. While HYBRID it trades nothing automatically (its proposals wait for a person).");
    }
}
