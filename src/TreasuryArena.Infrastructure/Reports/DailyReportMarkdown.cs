using System.Globalization;
using System.Text;
using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Infrastructure.Reports;

/// <summary>The treasury's daily summary as Markdown: value and P&amp;L, allocation against target, indicators with their source and age, the day's decision.</summary>
public static class DailyReportMarkdown
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(TreasuryStatus s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var p = s.Performance;
        var v = s.Valuation;
        var sb = new StringBuilder();
        sb.Append(Inv, $"# Treasury daily report — {s.AsOf:yyyy-MM-dd}\n\n");
        if (s.IsDefault)
        {
            sb.Append("_The configured default treasury (not yet saved: nothing has been executed)._\n\n");
        }

        sb.Append(Inv, $"Mode **{s.Mode}**. Value **{p.Value:N2} USD**, P&L {p.Pnl:+#,0.00;-#,0.00;0.00} USD ({Pct(p.Return)}) since {p.Inception:yyyy-MM-dd} ")
          .Append(Inv, $"on {p.InitialCapital:N2} USD.\n\n");
        sb.Append("| Benchmark | Value (USD) | Return |\n|---|---:|---:|\n")
          .Append(Inv, $"| Treasury | {p.Value:N2} | {Pct(p.Return)} |\n")
          .Append(Inv, $"| Static 60/40 | {p.Static6040Value:N2} | {Pct(p.Static6040Return)} |\n")
          .Append(Inv, $"| Buy-and-hold BTC | {p.BtcBuyAndHoldValue:N2} | {Pct(p.BtcBuyAndHoldReturn)} |\n\n");

        sb.Append("## Allocation\n\n")
          .Append(Inv, $"Base {v.BaseShare:0.0%}, tactical {v.TacticalShare:0.0%} (target {s.Targets.TacticalShare:0.0%}), cash {v.Cash:N2} USD; drift **{v.Drift:0.0%}**.\n\n")
          .Append("| Asset | Venue | Quantity | Price | Value (USD) | Weight | Target |\n|---|---|---:|---:|---:|---:|---:|\n");
        foreach (var l in v.Lines)
        {
            sb.Append(Inv, $"| {l.Asset} | {l.Venue} | {l.Quantity:0.##########} | {l.Price:N4} | {l.Value:N2} | {l.Weight:0.0%} | {l.TargetWeight:0.0%} |\n");
        }

        var m = s.Assessment.Market;
        sb.Append("\n## Market\n\n").Append(Inv, $"Phase **{m.Phase}**, signal confidence {m.SignalConfidence}.\n\n");
        foreach (var r in m.Reasons)
        {
            sb.Append("- ").Append(r).Append('\n');
        }

        sb.Append("\n| Indicator | Value | Source | Age | Stale |\n|---|---:|---|---:|---|\n");
        foreach (var i in m.Indicators)
        {
            var value = i.Value is { } x ? x.ToString("0.####", Inv) : "missing";
            var age = i.Age is { } a ? a.TotalDays.ToString("0.#", Inv) + " d" : "-";
            sb.Append(Inv, $"| {i.Name} | {value} | {i.Source} | {age} | {(i.Stale ? "yes" : "no")} |\n");
        }

        sb.Append("\nTriggers: ").Append(s.Assessment.Triggers.Count == 0 ? "none" : string.Join("; ", s.Assessment.Triggers)).Append("\n\n## Today's decision\n\n");
        if (s.LatestDecision is { } d)
        {
            sb.Append(Inv, $"**{d.Decision.Action.ToString().ToUpperInvariant()}** by the {d.Decision.Advisor} advisor (confidence {d.Decision.Confidence}, journal #{d.Id}).\n\n")
              .Append(d.Decision.Reasoning).Append('\n');
        }
        else
        {
            sb.Append("No decision journaled for this date.\n");
        }

        return sb.ToString();
    }

    private static string Pct(double v) => v.ToString("0.0%", Inv);
}
