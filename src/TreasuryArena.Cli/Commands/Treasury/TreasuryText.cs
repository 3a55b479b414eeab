using System.Globalization;
using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Cli.Commands.Treasury;

/// <summary>Plain-text output of the treasury commands (what a trustee reads).</summary>
internal static class TreasuryText
{
    public static void Account(TextWriter w, TreasuryAccount a) =>
        w.WriteLine(F($"Treasury created for organisation {a.OrganisationId} with {a.Capital:N2} USD (ledger accounts treasury:{a.LedgerName}:…)"));

    public static void Status(TextWriter w, TreasuryStatus s)
    {
        var p = s.Performance;
        w.WriteLine(F($"Treasury on {s.AsOf:yyyy-MM-dd}{(s.IsDefault ? " (configured default treasury, not yet saved)" : "")}, mode {s.Mode}"));
        w.WriteLine(F($"Value {p.Value:N2} USD (P&L {p.Pnl:+#,0.00;-#,0.00;0.00} USD, {Pct(p.Return)} since {p.Inception:yyyy-MM-dd})"));
        w.WriteLine(F($"Benchmarks: static 60/40 {p.Static6040Value:N2} USD ({Pct(p.Static6040Return)}), buy-and-hold BTC {p.BtcBuyAndHoldValue:N2} USD ({Pct(p.BtcBuyAndHoldReturn)})"));
        w.WriteLine(F($"Allocation: base {s.Valuation.BaseShare:P1}, tactical {s.Valuation.TacticalShare:P1} (target {s.Targets.TacticalShare:P1}), cash {s.Valuation.Cash:N2} USD; drift {s.Valuation.Drift:P1}"));
        w.WriteLine(F($"{"asset",-10} {"venue",-7} {"quantity",18} {"price",14} {"value",14} {"weight",7} {"target",7}"));
        foreach (var l in s.Valuation.Lines)
        {
            w.WriteLine(F($"{l.Asset,-10} {l.Venue,-7} {l.Quantity,18:0.##########} {l.Price,14:N4} {l.Value,14:N2} {l.Weight,7:P1} {l.TargetWeight,7:P1}"));
        }

        w.WriteLine(F($"Phase {s.Assessment.Market.Phase}; signal confidence {s.Assessment.Market.SignalConfidence}"));
        foreach (var r in s.Assessment.Market.Reasons)
        {
            w.WriteLine("  - " + r);
        }

        foreach (var i in s.Assessment.Market.Indicators.Where(i => i.Name is "mvrv_z" or "fear_greed" or "btc_price" or "mayer_multiple" or "funding_rate_annualised"))
        {
            w.WriteLine(F($"  {i.Name}: {(i.Value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "missing")} ({i.Source}{(i.Stale ? ", stale" : "")})"));
        }

        w.WriteLine("Triggers: " + (s.Assessment.Triggers.Count == 0 ? "none" : string.Join("; ", s.Assessment.Triggers)));
        if (s.Assessment.Ladder is { } ladder)
        {
            w.WriteLine("MVRV ladder: " + ladder.Description + (ladder.State.Change is null ? "" : F($" (last change {ladder.State.ChangedOn:yyyy-MM-dd}: {ladder.State.Change})")));
        }

        if (s.Pending is { } pending)
        {
            w.WriteLine(F($"Queued: {pending.Orders.Count} orders decided on {pending.DecidedOn:yyyy-MM-dd}, filling at the {pending.FillOn:yyyy-MM-dd} close on the next run (journal #{pending.JournalId})."));
        }
        if (s.LatestDecision is { } d)
        {
            w.WriteLine(F($"Today's decision (#{d.Id}, {d.Decision.Advisor}): {d.Decision.Action} ({d.Decision.Confidence}) — {d.Decision.Reasoning}"));
        }
    }

    public static void Plan(TextWriter w, TreasuryStatus s, RebalancePlan plan)
    {
        w.WriteLine(F($"Rebalancing plan on {s.AsOf:yyyy-MM-dd}: drift {s.Valuation.Drift:P1}, trigger: {plan.Proposal.Trigger}"));
        Orders(w, plan.Proposal.Orders);
        w.WriteLine(F($"Total {plan.Proposal.TotalNotional:N2} USD traded, estimated costs {plan.Proposal.TotalEstimatedCost:N2} USD"));
        Interventions(w, plan.Interventions);
    }

    public static void Advice(TextWriter w, AdviceResult r, string verb)
    {
        var d = r.Decision;
        w.WriteLine(F($"{verb} on {r.Status.AsOf:yyyy-MM-dd} by the {d.Advisor} advisor{(d.FallbackReason is null ? "" : $" (Claude's answer not used: {d.FallbackReason})")}"));
        w.WriteLine(F($"Decision: {d.Action.ToString().ToUpperInvariant()} (confidence {d.Confidence})"));
        w.WriteLine(d.Reasoning);
        w.WriteLine("Triggers: " + (r.Triggers.Count == 0 ? "none" : string.Join("; ", r.Triggers)));
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
                w.WriteLine(F($"  {f.Side} {f.Asset} {f.Notional:N2} USD = {f.Quantity} at {f.MarkPrice:N2}, costs {f.Fee + f.Slippage:N2} USD"));
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
            w.WriteLine(F($"#{e.Id} {e.AsOf:yyyy-MM-dd} {d.Kind} {d.Action} by {d.Advisor} ({d.Confidence}){(d.FallbackReason is null ? "" : $" [fallback: {d.FallbackReason}]")}{(e.Executed ? " [executed]" : e.Decision.Acts && e.Approved.Count > 0 ? " [not filled]" : "")}"));
            foreach (var f in e.Fills)
            {
                w.WriteLine(F($"    filled {f.Date:yyyy-MM-dd}: {f.Side} {f.Asset} {f.Notional:N2} USD at {f.Price:N2}"));
            }

            w.WriteLine("    " + d.Reasoning);
            w.WriteLine("    " + outcome);
        }
    }

    public static void Review(TextWriter w, WeeklyReviewReport r)
    {
        w.WriteLine(F($"Weekly review {r.Input.From:yyyy-MM-dd} to {r.Input.To:yyyy-MM-dd} ({r.OutcomesEvaluated} outcomes newly evaluated)"));
        w.WriteLine(F($"Treasury {r.Input.TreasuryValue:N2} USD; week: treasury {Pct(r.Input.TreasuryReturn)}, static 60/40 {Pct(r.Input.Static6040Return)}, BTC {Pct(r.Input.BtcBuyAndHoldReturn)}"));
        foreach (var c in r.Input.Scorecards)
        {
            w.WriteLine(F($"{c.Advisor}: {c.Decisions} decisions, {c.Scored} scored, hit rate {Pct(c.HitRate)}, mean confidence {c.MeanConfidence:0.#}, Brier {c.BrierScore:0.###}"));
            foreach (var b in c.Calibration)
            {
                w.WriteLine(F($"  confidence {b.From,3}-{b.To,-3}: {b.Count,4} calls, right {b.HitRate:P0} (mean confidence {b.MeanConfidence:0})"));
            }
        }

        w.WriteLine(F($"Commentary ({r.Commentary.Advisor}{(r.Commentary.FallbackReason is null ? "" : ", Claude fallback: " + r.Commentary.FallbackReason)}):"));
        w.WriteLine(r.Commentary.Reasoning);
    }

    private static void Orders(TextWriter w, IReadOnlyList<TradeOrder> orders)
    {
        if (orders.Count == 0)
        {
            w.WriteLine("  (no orders)");
        }

        foreach (var o in orders)
        {
            w.WriteLine(F($"  {o.Side,-4} {o.Asset,-10} at {o.Venue,-7} {o.Notional,14:N2} USD  fee {o.EstimatedFee,8:N2}  slippage {o.EstimatedSlippage,8:N2}"));
        }
    }

    private static void Interventions(TextWriter w, IReadOnlyList<GuardrailIntervention> interventions)
    {
        foreach (var i in interventions)
        {
            w.WriteLine(F($"  guardrail {i.Rule} on {i.Asset}: {i.Requested:N2} -> {i.Allowed:N2} USD ({i.Reason})"));
        }
    }

    private static string Pct(double? v) => v is { } x ? x.ToString("0.0%", CultureInfo.InvariantCulture) : "n/a";

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
