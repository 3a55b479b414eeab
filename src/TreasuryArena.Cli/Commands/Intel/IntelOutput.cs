using System.Globalization;
using TreasuryArena.Core.Intelligence;

namespace TreasuryArena.Cli.Commands.Intel;

/// <summary>Renders an <see cref="IntelReport"/> as text or as the JSON contract.</summary>
internal static class IntelOutput
{
    public static IntelJson ToJson(IntelReport report, IReadOnlyList<MarketDataSourceHealth> health)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Snapshot;
        var indicators = s.All.ToDictionary(
            r => r.Name,
            r => new IndicatorJson(r.Value, r.Source, r.AsOf, r.Stale, r.IsMissing, r.Age is { } a ? Math.Round(a.TotalDays, 3, MidpointRounding.AwayFromZero) : null, r.Label, r.Note),
            StringComparer.Ordinal);
        var g = report.Signal;
        return new IntelJson(
            s.AsOf,
            s.Mode,
            indicators,
            report.PhaseName,
            report.Phase.Rule,
            report.Phase.Confidence,
            [.. report.Phase.Evidence.Select(e => e.ToString())],
            report.Phase.MissingInputs,
            new SignalJson(g.Base, g.Tactical, g.Btc, g.Eth, g.Confidence, g.Reasons, g.MvrvRung, ZoneName(g.FearGreedZone)),
            [.. report.Triggers.Select(t => new TriggerJson(KindName(t.Kind), t.Code, t.Message))],
            report.Reference,
            report.Notes,
            health,
            report.PhaseUnknownReason);
    }

    public static void WriteText(TextWriter w, IntelReport report, IReadOnlyList<MarketDataSourceHealth> health)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Snapshot;
        foreach (var note in report.Notes)
        {
            Line(w, Inv($"note: {note}"), 2);
        }

        Line(w, Inv($"market intelligence as of {s.AsOf:yyyy-MM-dd HH:mm} UTC ({s.Mode})"));
        w.WriteLine();
        var table = new CliTable().Text("indicator").Number("value").Text("source", priority: 2).Text("as of", priority: 3).Text("age").Text("note", priority: 1);
        foreach (var r in s.All)
        {
            var value = r.Value is { } v ? Format(r.Name, v) + (r.Label is null ? "" : $" {r.Label}") : "missing";
            var age = r.Age is { } a ? AgeText(a) + (r.Stale ? " STALE" : "") : "";
            var asOf = r.AsOf is { } t ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-";
            table.Row(r.Name, value, r.Source, asOf, age, r.IsMissing ? r.Note : null);
        }

        table.Write(w);
        var p = report.Phase;
        w.WriteLine();
        if (report.PhaseUnknownReason is { } unknown)
        {
            // Never a phase from stale or missing data: the classification of those inputs is not shown.
            Line(w, Inv($"phase: {report.PhaseName}  ({unknown})"), 2);
        }
        else
        {
            Line(w, Inv($"phase: {report.PhaseName}  (rule {p.Rule}, confidence {p.Confidence})"), 2);
            foreach (var e in p.Evidence)
            {
                Line(w, Inv($"  - {e}"), 4);
            }
        }

        if (p.MissingInputs.Count > 0)
        {
            Line(w, Inv($"  missing or too old for the rules: {string.Join(", ", p.MissingInputs)}"), 4);
        }

        var g = report.Signal;
        w.WriteLine();
        Line(w, Inv($"signal: base {g.Base:0.0%} / tactical {g.Tactical:0.0%} (BTC {g.Btc:0.0%}, ETH {g.Eth:0.0%}), confidence {g.Confidence}"), 2);
        foreach (var reason in g.Reasons)
        {
            Line(w, Inv($"  - {reason}"), 4);
        }

        w.WriteLine();
        Line(w, Inv($"triggers (reference: {report.Reference}):"), 2);
        if (report.Triggers.Count == 0)
        {
            w.WriteLine("  none");
        }

        foreach (var t in report.Triggers)
        {
            Line(w, Inv($"  - [{KindName(t.Kind)}] {t.Message}"), 4);
        }

        if (health.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("live sources (this run):");
            foreach (var h in health)
            {
                Line(w, Inv($"  {h.Source,-16} ok {h.Successes}, failed {h.Failures}, rejected {h.Rejections}{(h.LastError is null ? "" : "  last error: " + h.LastError)}"), 4);
            }
        }
    }

    private static void Line(TextWriter w, string text, int hang = 0) => CliOutput.WriteWrapped(w, text, 0, hang);

    private static string Format(string name, double v) => name switch
    {
        IndicatorNames.BtcPrice or IndicatorNames.EthPrice or IndicatorNames.BtcMa200 => v.ToString("N2", CultureInfo.InvariantCulture),
        IndicatorNames.FearGreed => v.ToString("0", CultureInfo.InvariantCulture),
        IndicatorNames.MvrvZ or IndicatorNames.MayerMultiple => v.ToString("0.000", CultureInfo.InvariantCulture),
        IndicatorNames.FundingRate8h => v.ToString("0.0000%", CultureInfo.InvariantCulture),
        _ => v.ToString("0.00%", CultureInfo.InvariantCulture),
    };

    private static string AgeText(TimeSpan a) =>
        a == TimeSpan.Zero ? "0" : a.TotalDays >= 1 ? Inv($"{a.TotalDays:0}d") : a.TotalHours >= 1 ? Inv($"{a.TotalHours:0}h") : Inv($"{a.TotalMinutes:0}m");

    private static string KindName(TriggerKind k) => k switch
    {
        TriggerKind.ThresholdCrossed => "threshold_crossed",
        TriggerKind.Drift => "drift",
        _ => "emergency",
    };

    private static string ZoneName(FearGreedZone z) => z switch
    {
        FearGreedZone.ExtremeFear => "extreme_fear",
        FearGreedZone.ExtremeGreed => "extreme_greed",
        FearGreedZone.Neutral => "neutral",
        _ => "unknown",
    };

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
