using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Cli.Commands.Treasury;

/// <summary>The <c>--json</c> shapes of the treasury, advise, journal and review commands (snake_case via <see cref="CliJson"/>).</summary>
internal static class TreasuryJson
{
    /// <summary>A registered treasury (<c>arena treasury create --json</c>), the shape of <c>POST /api/treasury</c>.</summary>
    public static object Account(TreasuryAccount a) => new
    {
        organisation_id = a.OrganisationId,
        ledger_name = a.LedgerName,
        capital = a.Capital,
        created_at = a.CreatedAt,
    };

    public static object Decision(Decision d) => new
    {
        kind = d.Kind,
        action = d.Action,
        reasoning = d.Reasoning,
        confidence = d.Confidence,
        advisor = d.Advisor,
        fallback_reason = d.FallbackReason,
        latency_ms = (long)d.Latency.TotalMilliseconds,
        model = d.Usage?.Model,
        input_tokens = d.Usage?.InputTokens,
        output_tokens = d.Usage?.OutputTokens,
        adjustments = d.Adjustments is null ? null : new
        {
            scale = d.Adjustments.Scale,
            orders = d.Adjustments.Orders.Select(o => new { asset = o.Asset, scale = o.Scale }),
        },
    };

    public static object Order(TradeOrder o) => new
    {
        side = o.Side,
        asset = o.Asset,
        venue = o.Venue,
        asset_class = o.AssetClass,
        notional = o.Notional,
        estimated_fee = o.EstimatedFee,
        estimated_slippage = o.EstimatedSlippage,
    };

    public static object Intervention(GuardrailIntervention i) => new { rule = i.Rule, asset = i.Asset, requested = i.Requested, allowed = i.Allowed, reason = i.Reason };

    public static object Fill(Fill f) => new
    {
        date = f.Date,
        side = f.Side,
        asset = f.Asset,
        venue = f.Venue,
        quantity = f.Quantity,
        mark_price = f.MarkPrice,
        notional = f.Notional,
        fee = f.Fee,
        slippage = f.Slippage,
    };

    /// <summary>The daily analysis: the decision's fields at the top level (<c>action</c>, <c>reasoning</c>, <c>confidence</c>, <c>advisor</c>, <c>fallback_reason</c>), then context.</summary>
    public static object Advice(AdviceResult r) => new
    {
        as_of = r.Status.AsOf,
        kind = r.Decision.Kind,
        action = r.Decision.Action,
        reasoning = r.Decision.Reasoning,
        confidence = r.Decision.Confidence,
        advisor = r.Decision.Advisor,
        fallback_reason = r.Decision.FallbackReason,
        latency_ms = (long)r.Decision.Latency.TotalMilliseconds,
        model = r.Decision.Usage?.Model,
        input_tokens = r.Decision.Usage?.InputTokens,
        output_tokens = r.Decision.Usage?.OutputTokens,
        default_treasury = r.Status.IsDefault,
        phase = r.Status.Assessment.Market.Phase,
        drift = R(r.Status.Valuation.Drift),
        triggers = r.Triggers,
        proposed = r.Plan.Proposal.Orders.Select(Order),
        approved = r.Guarded.Orders.Select(Order),
        interventions = r.Guarded.Interventions.Select(Intervention),
        executed = r.Fills.Count > 0,
        fills = r.Fills.Select(Fill),
        queued = r.Queued is { } q ? new { decided_on = q.DecidedOn, fill_on = q.FillOn, orders = q.Orders.Select(Order) } : null,
        journal_id = r.Entry.Id,
    };

    public static object Status(TreasuryStatus s) => new
    {
        as_of = s.AsOf,
        default_treasury = s.IsDefault,
        mode = s.Mode,
        value = s.Valuation.TotalValue,
        cash = s.Valuation.Cash,
        pnl = s.Performance.Pnl,
        @return = s.Performance.Return,
        base_share = R(s.Valuation.BaseShare),
        tactical_share = R(s.Valuation.TacticalShare),
        target_tactical_share = R(s.Targets.TacticalShare),
        drift = R(s.Valuation.Drift),
        positions = s.Valuation.Lines.Select(l => new
        {
            asset = l.Asset,
            venue = l.Venue,
            asset_class = l.AssetClass,
            quantity = l.Quantity,
            price = l.Price,
            value = l.Value,
            weight = R(l.Weight),
            target_weight = R(l.TargetWeight),
            unrealized_pnl = l.UnrealizedPnl,
        }),
        performance = new
        {
            inception = s.Performance.Inception,
            initial_capital = s.Performance.InitialCapital,
            @return = s.Performance.Return,
            static_60_40_value = s.Performance.Static6040Value,
            static_60_40_return = s.Performance.Static6040Return,
            btc_buy_and_hold_value = s.Performance.BtcBuyAndHoldValue,
            btc_buy_and_hold_return = s.Performance.BtcBuyAndHoldReturn,
        },
        phase = s.Assessment.Market.Phase,
        signal = new { target_tactical = s.Assessment.TargetTacticalShare, btc_share_of_tactical = s.Assessment.BtcShareOfTactical, confidence = s.Assessment.Market.SignalConfidence, reasons = s.Assessment.Market.Reasons },
        indicators = s.Assessment.Market.Indicators.Select(i => new { name = i.Name, value = i.Value, source = i.Source, as_of = i.AsOf, stale = i.Stale, age_days = i.Age?.TotalDays }),
        triggers = s.Assessment.Triggers,
        ladder = s.Assessment.Ladder is { } l
            ? new { rungs_sold = l.State.RungsSold, rungs = l.Rungs, sold_since = l.State.SoldSince, reentry_z = l.ReentryZ, last_z = l.State.LastZ, changed_on = l.State.ChangedOn, change = l.State.Change, description = l.Description }
            : null,
        pending = s.Pending is { } p ? new { decided_on = p.DecidedOn, fill_on = p.FillOn, journal_id = p.JournalId, orders = p.Orders.Select(Order) } : null,
        emergency = s.Assessment.Emergency?.Description,
        latest_decision = s.LatestDecision is null ? null : new
        {
            id = s.LatestDecision.Id,
            action = s.LatestDecision.Decision.Action,
            advisor = s.LatestDecision.Decision.Advisor,
            confidence = s.LatestDecision.Decision.Confidence,
            reasoning = s.LatestDecision.Decision.Reasoning,
        },
    };

    public static object Plan(TreasuryStatus s, RebalancePlan p) => new
    {
        as_of = s.AsOf,
        default_treasury = s.IsDefault,
        trigger = p.Proposal.Trigger,
        drift = R(s.Valuation.Drift),
        target_tactical_share = p.Targets.TacticalShare,
        orders = p.Proposal.Orders.Select(Order),
        total_notional = p.Proposal.TotalNotional,
        total_estimated_cost = p.Proposal.TotalEstimatedCost,
        interventions = p.Interventions.Select(Intervention),
    };

    public static object Entry(JournalEntry e) => new
    {
        id = e.Id,
        as_of = e.AsOf,
        recorded_at = e.RecordedAt,
        kind = e.Decision.Kind,
        action = e.Decision.Action,
        reasoning = e.Decision.Reasoning,
        confidence = e.Decision.Confidence,
        advisor = e.Decision.Advisor,
        fallback_reason = e.Decision.FallbackReason,
        model = e.Decision.Usage?.Model,
        tokens = e.Decision.Usage?.TotalTokens,
        executed = e.Executed,
        approved = e.Approved.Select(Order),
        fills = e.Fills.Select(f => new { date = f.Date, asset = f.Asset, side = f.Side, quantity = f.Quantity, price = f.Price, notional = f.Notional, fee = f.Fee, slippage = f.Slippage }),
        interventions = e.Interventions.Select(Intervention),
        outcome = e.Outcome is null ? null : new
        {
            evaluated_on = e.Outcome.EvaluatedOn,
            right = e.Outcome.Right,
            acted = e.Outcome.Acted,
            value_if_acted = e.Outcome.ValueIfActed,
            value_if_not = e.Outcome.ValueIfNot,
            summary = e.Outcome.Summary,
        },
    };

    public static object Review(WeeklyReviewReport r) => new
    {
        from = r.Input.From,
        to = r.Input.To,
        treasury_value = r.Input.TreasuryValue,
        treasury_return = r.Input.TreasuryReturn,
        static_60_40_return = r.Input.Static6040Return,
        btc_buy_and_hold_return = r.Input.BtcBuyAndHoldReturn,
        outcomes_evaluated = r.OutcomesEvaluated,
        advisors = r.Input.Scorecards.Select(c => new
        {
            advisor = c.Advisor,
            decisions = c.Decisions,
            scored = c.Scored,
            right = c.Right,
            hit_rate = c.HitRate,
            mean_confidence = c.MeanConfidence,
            brier_score = c.BrierScore,
            calibration = c.Calibration.Select(b => new { from = b.From, to = b.To, count = b.Count, mean_confidence = b.MeanConfidence, hit_rate = b.HitRate }),
        }),
        commentary = Decision(r.Commentary),
        journal_id = r.JournalId,
        repeated = r.Repeated,
    };

    /// <summary>Weights and drift are printed to 6 decimals.</summary>
    private static decimal R(decimal fraction) => RoundingPolicy.Ratio(fraction, 6);
}
