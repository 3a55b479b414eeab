using System.Globalization;
using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Cli.Commands.Treasury;

/// <summary>Plain-text output of the treasury commands (what a trustee reads).</summary>
internal static class TreasuryText
{
    public static void Account(TextWriter w, TreasuryAccount a) =>
        Line(w, F($"Treasury created for organisation {a.OrganisationId} with {a.Capital:N2} USD (ledger accounts treasury:{a.LedgerName}:…)"));

    public static void Status(TextWriter w, TreasuryStatus s)
    {
        var p = s.Performance;
        Line(w, F($"Treasury on {s.AsOf:yyyy-MM-dd}{(s.IsDefault ? " (configured default treasury, not yet saved)" : "")}, mode {s.Mode}"));
        Line(w, F($"Value {p.Value:N2} USD (P&L {p.Pnl:+#,0.00;-#,0.00;0.00} USD, {Pct(p.Return)} since {p.Inception:yyyy-MM-dd})"));
        Line(w, F($"Benchmarks: static 60/40 {p.Static6040Value:N2} USD ({Pct(p.Static6040Return)}), buy-and-hold BTC {p.BtcBuyAndHoldValue:N2} USD ({Pct(p.BtcBuyAndHoldReturn)})"));
        Line(w, F($"Allocation: base {s.Valuation.BaseShare:P1}, tactical {s.Valuation.TacticalShare:P1} (target {s.Targets.TacticalShare:P1}), cash {s.Valuation.Cash:N2} USD; drift {s.Valuation.Drift:P1}"));
        var table = new CliTable().Text("asset").Text("venue", priority: 1).Number("quantity", priority: 2).Number("price", priority: 3).Number("value").Number("weight").Number("target");
        foreach (var l in s.Valuation.Lines)
        {
            table.Row(l.Asset, l.Venue, F($"{l.Quantity:0.##########}"), F($"{l.Price:N4}"), F($"{l.Value:N2}"), F($"{l.Weight:P1}"), F($"{l.TargetWeight:P1}"));
        }

        table.Write(w);
        Line(w, F($"Phase {s.Assessment.Market.Phase}; signal confidence {s.Assessment.Market.SignalConfidence}"));
        foreach (var r in s.Assessment.Market.Reasons)
        {
            Line(w, "  - " + r, 4);
        }

        foreach (var i in s.Assessment.Market.Indicators.Where(i => i.Name is "mvrv_z" or "fear_greed" or "btc_price" or "mayer_multiple" or "funding_rate_annualised"))
        {
            Line(w, F($"  {i.Name}: {(i.Value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "missing")} ({i.Source}{(i.Stale ? ", stale" : "")})"), 4);
        }

        Line(w, "Triggers: " + (s.Assessment.Triggers.Count == 0 ? "none" : string.Join("; ", s.Assessment.Triggers)), 2);
        if (s.Assessment.Ladder is { } ladder)
        {
            Line(w, "MVRV ladder: " + ladder.Description + (ladder.State.Change is null ? "" : F($" (last change {ladder.State.ChangedOn:yyyy-MM-dd}: {ladder.State.Change})")), 2);
        }

        if (s.Pending is { } pending)
        {
            Line(w, F($"Queued: {pending.Orders.Count} orders decided on {pending.DecidedOn:yyyy-MM-dd}, filling at the {pending.FillOn:yyyy-MM-dd} close on the next run (journal #{pending.JournalId})."), 2);
        }
        if (s.LatestDecision is { } d)
        {
            Line(w, F($"Today's decision (#{d.Id}, {d.Decision.Advisor}): {d.Decision.Action} ({d.Decision.Confidence}) — {d.Decision.Reasoning}"), 2);
        }
    }

    /// <summary>One paragraph wrapped to the output width; continuation lines indented by <paramref name="hang"/>.</summary>
    private static void Line(TextWriter w, string text, int hang = 0) => CliOutput.WriteWrapped(w, text, 0, hang);

    public static void Plan(TextWriter w, TreasuryStatus s, RebalancePlan plan)
    {
        Line(w, F($"Rebalancing plan on {s.AsOf:yyyy-MM-dd}: drift {s.Valuation.Drift:P1}, trigger: {plan.Proposal.Trigger}"), 2);
        Orders(w, plan.Proposal.Orders);
        Line(w, F($"Total {plan.Proposal.TotalNotional:N2} USD traded, estimated costs {plan.Proposal.TotalEstimatedCost:N2} USD"));
        Interventions(w, plan.Interventions);
    }

    public static void Advice(TextWriter w, AdviceResult r, string verb)
    {
        var d = r.Decision;
        Line(w, F($"{verb} on {r.Status.AsOf:yyyy-MM-dd} by the {d.Advisor} advisor{(d.FallbackReason is null ? "" : $" (Claude's answer not used: {d.FallbackReason})")}"), 2);
        Line(w, F($"Decision: {d.Action.ToString().ToUpperInvariant()} (confidence {d.Confidence})"));
        Line(w, d.Reasoning);
        Line(w, "Triggers: " + (r.Triggers.Count == 0 ? "none" : string.Join("; ", r.Triggers)), 2);
        if (r.Guarded.Orders.Count > 0)
        {
            w.WriteLine(r.Queued is { } q
                ? F($"Queued for the next bar (fill at the {q.FillOn:yyyy-MM-dd} close on the next run):")
                : "Orders the decision allows (within the guardrails, not executed):");
            Orders(w, r.Guarded.Orders);
        }

        if (r.Fills.Count > 0)
        {
            w.WriteLine(F($"Filled now, at the {r.Fills[0].Date:yyyy-MM-dd} close (orders queued by the previous decision):"));
            foreach (var f in r.Fills)
            {
                Line(w, F($"  {f.Side} {f.Asset} {f.Notional:N2} USD = {f.Quantity} at {f.MarkPrice:N2}, costs {f.Fee + f.Slippage:N2} USD"), 4);
            }
        }

        Interventions(w, r.Guarded.Interventions);
        w.WriteLine(F($"Journaled as #{r.Entry.Id}."));
    }

    public static void Journal(TextWriter w, IReadOnlyList<JournalEntry> entries)
    {
        if (entries.Count == 0)
        {
            w.WriteLine("The journal is empty.");
            return;
        }

        foreach (var e in entries)
        {
            var d = e.Decision;
            var outcome = e.Outcome is null ? "outcome pending" : e.Outcome.Summary;
            Line(w, F($"#{e.Id} {e.AsOf:yyyy-MM-dd} {d.Kind} {d.Action} by {d.Advisor} ({d.Confidence}){(d.FallbackReason is null ? "" : $" [fallback: {d.FallbackReason}]")}{(e.Executed ? " [executed]" : e.Decision.Acts && e.Approved.Count > 0 ? " [not filled]" : "")}"), 4);
            foreach (var f in e.Fills)
            {
                Line(w, F($"    filled {f.Date:yyyy-MM-dd}: {f.Side} {f.Asset} {f.Notional:N2} USD at {f.Price:N2}"), 6);
            }

            CliOutput.WriteWrapped(w, d.Reasoning, 4);
            CliOutput.WriteWrapped(w, outcome, 4);
        }
    }

    public static void Review(TextWriter w, WeeklyReviewReport r)
    {
        Line(w, F($"Weekly review {r.Input.From:yyyy-MM-dd} to {r.Input.To:yyyy-MM-dd} ({r.OutcomesEvaluated} outcomes newly evaluated)"));
        if (r.Repeated)
        {
            Line(w, F($"This week's review is already in the journal (#{r.JournalId}): shown again, nothing new journaled."));
        }

        Line(w, F($"Treasury {r.Input.TreasuryValue:N2} USD; week: treasury {Pct(r.Input.TreasuryReturn)}, static 60/40 {Pct(r.Input.Static6040Return)}, BTC {Pct(r.Input.BtcBuyAndHoldReturn)}"), 2);
        foreach (var c in r.Input.Scorecards)
        {
            Line(w, F($"{c.Advisor}: {c.Decisions} decisions, {c.Scored} scored, hit rate {Pct(c.HitRate)}, mean confidence {Num(c.MeanConfidence, "0.#")}, Brier {Num(c.BrierScore, "0.###")}"), 2);
            foreach (var b in c.Calibration)
            {
                Line(w, F($"  confidence {b.From,3}-{b.To,-3}: {b.Count,4} calls, right {Pct(b.HitRate, "P0")} (mean confidence {Num(b.MeanConfidence, "0")})"), 4);
            }
        }

        Line(w, F($"Commentary ({r.Commentary.Advisor}{(r.Commentary.FallbackReason is null ? "" : ", Claude fallback: " + r.Commentary.FallbackReason)}):"), 2);
        Line(w, r.Commentary.Reasoning);
        if (r.Input.Scorecards.Any(c => c.HitRate is null || c.MeanConfidence is null || c.BrierScore is null))
        {
            Line(w, "— = undefined (no scored decisions yet).");
        }
    }

    private static void Orders(TextWriter w, IReadOnlyList<TradeOrder> orders)
    {
        if (orders.Count == 0)
        {
            w.WriteLine("  (no orders)");
        }

        foreach (var o in orders)
        {
            Line(w, F($"  {o.Side,-4} {o.Asset,-10} at {o.Venue,-7} {o.Notional,14:N2} USD  fee {o.EstimatedFee,8:N2}  slippage {o.EstimatedSlippage,8:N2}"), 4);
        }
    }

    private static void Interventions(TextWriter w, IReadOnlyList<GuardrailIntervention> interventions)
    {
        foreach (var i in interventions)
        {
            Line(w, F($"  guardrail {i.Rule} on {i.Asset}: {i.Requested:N2} -> {i.Allowed:N2} USD ({i.Reason})"), 4);
        }
    }

    /// <summary>A statistic as a percentage, or "—" where it is undefined.</summary>
    private static string Pct(double? v, string format = "0.0%") => v is { } x ? x.ToString(format, Numbers) : "—";

    /// <summary>A statistic, or "—" where it is undefined.</summary>
    private static string Num(double? v, string format) => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "—";

    private static readonly NumberFormatInfo Numbers = CreateNumbers();

    private static string F(FormattableString s) => s.ToString(Numbers);

    private static NumberFormatInfo CreateNumbers()
    {
        var n = (NumberFormatInfo)CultureInfo.InvariantCulture.NumberFormat.Clone();
        n.PercentPositivePattern = 1;
        n.PercentNegativePattern = 1;
        return NumberFormatInfo.ReadOnly(n);
    }
}
