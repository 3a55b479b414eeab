using System.Globalization;
using System.Text;
using System.Text.Json;
using TreasuryArena.Core.Advice;

namespace TreasuryArena.Infrastructure.Advice;

/// <summary>
/// Builds what Claude is shown: a system prompt with its role and the rules of the game (it may only narrow a
/// proposal; limits are enforced after it), and a user prompt with the indicators and their age, the portfolio against
/// its target, the proposal, the limits, the triggers, recent decisions with their outcomes and the rule advisor's
/// answer. The answer format is a JSON schema per question (<see cref="Schema"/>).
/// </summary>
internal static class ClaudePrompt
{
    public const string System =
        "You are the treasury advisor of a nonprofit (a church trust or ministry). You review the treasury's allocation " +
        "decisions: a base of stable yield positions and a tactical sleeve of BTC and ETH. Be prudent and plain: your " +
        "reasoning is read by trustees who are not traders, so write two to five short sentences without jargon. " +
        "You can approve, reject or shrink what is proposed, never widen it; hard limits are enforced after you " +
        "answer, whatever you say. Avoid flip-flopping, weigh trading costs against the expected benefit, and say how " +
        "confident you are (0-100) honestly: your calls are scored against what happened. Answer only with the JSON " +
        "object the schema describes.";

    public static IReadOnlyList<string> Actions(DecisionKind kind) => kind switch
    {
        DecisionKind.DailyAnalysis => ["hold", "rebalance"],
        DecisionKind.RebalanceApproval => ["approve", "reject", "shrink"],
        DecisionKind.EmergencyAssessment => ["de_risk", "hold"],
        _ => ["acknowledge"],
    };

    public static JsonElement Schema(DecisionKind kind)
    {
        var schema = new Dictionary<string, object>
        {
            ["type"] = "object",
            ["properties"] = new Dictionary<string, object>
            {
                ["action"] = new Dictionary<string, object> { ["type"] = "string", ["enum"] = Actions(kind) },
                ["reasoning"] = new Dictionary<string, object> { ["type"] = "string", ["description"] = "Plain language a trustee can read." },
                ["confidence"] = new Dictionary<string, object> { ["type"] = "integer", ["description"] = "0 to 100." },
                ["scale"] = new Dictionary<string, object> { ["type"] = new[] { "number", "null" }, ["description"] = "For shrink: the fraction (0 to 1) of every proposed order to execute." },
                ["order_scales"] = new Dictionary<string, object>
                {
                    ["type"] = "array",
                    ["description"] = "Optional per-asset fractions (0 to 1) that override scale for that asset.",
                    ["items"] = new Dictionary<string, object>
                    {
                        ["type"] = "object",
                        ["properties"] = new Dictionary<string, object>
                        {
                            ["asset"] = new Dictionary<string, object> { ["type"] = "string" },
                            ["scale"] = new Dictionary<string, object> { ["type"] = "number" },
                        },
                        ["required"] = new[] { "asset", "scale" },
                        ["additionalProperties"] = false,
                    },
                },
            },
            ["required"] = new[] { "action", "reasoning", "confidence", "scale", "order_scales" },
            ["additionalProperties"] = false,
        };
        return JsonSerializer.SerializeToElement(schema);
    }

    public static string ForContext(DecisionKind kind, AdvisorContext c, Decision rule, EmergencyEvent? emergency)
    {
        var b = new StringBuilder();
        b.AppendLine(kind switch
        {
            DecisionKind.DailyAnalysis => "Question: the daily market analysis. Should the treasury act today (rebalance to the proposal) or hold?",
            DecisionKind.RebalanceApproval => "Question: approve, reject or shrink the proposed rebalance below.",
            _ => F($"Question: an emergency ({emergency?.Kind}: {emergency?.Description}). De-risk (move the tactical sleeve to the base) or hold?"),
        });
        b.AppendLine(F($"Date: {c.AsOf:yyyy-MM-dd}."));
        b.AppendLine();
        b.AppendLine(F($"Market phase: {c.Market.Phase}. Signal: target tactical share {c.Market.TargetTacticalShare:P1}, confidence {c.Market.SignalConfidence}/100."));
        foreach (var r in c.Market.Reasons)
        {
            b.AppendLine("- " + r);
        }

        b.AppendLine("Indicators (value, source, age):");
        foreach (var i in c.Market.Indicators)
        {
            var value = i.Value is { } v ? v.ToString("0.######", CultureInfo.InvariantCulture) : "missing";
            var age = i.Age is { } a ? F($"{a.TotalDays:0.#} days old") : "age unknown";
            b.AppendLine(F($"- {i.Name}: {value}{(i.Label is null ? "" : " (" + i.Label + ")")} from {i.Source}, {age}{(i.Stale ? ", STALE" : "")}"));
        }

        b.AppendLine();
        b.AppendLine(F($"Portfolio: total {c.Portfolio.TotalValue:N2} USD, cash {c.Portfolio.Cash:N2} USD, peak {c.Portfolio.PeakValue:N2} USD (drawdown {c.Portfolio.Drawdown:P1})."));
        foreach (var l in c.Allocation)
        {
            b.AppendLine(F($"- {l.Asset} ({l.AssetClass}): {l.Value:N2} USD, weight {l.CurrentWeight:P1}, target {l.TargetWeight:P1}"));
        }

        b.AppendLine(F($"Drift: {c.Drift:P1} (rebalance band {c.DriftBand:P0})."));
        if (c.Proposal.Mandate is { } mandate)
        {
            b.AppendLine("Drift band (enforced by the guardrails after you answer): no trade while the drift is inside the band unless a named " +
                         "trigger (an MVRV ladder rung sold or the re-entry, an emergency) asks for it. Here: " + mandate.Describe() + ". " +
                         "Approved orders are queued and fill at the next day's close, not at today's price.");
        }

        b.AppendLine("Triggers: " + (c.Triggers.Count == 0 ? "none" : string.Join("; ", c.Triggers)));
        b.AppendLine();
        b.AppendLine(F($"Proposal ({c.Proposal.Trigger}):"));
        if (c.Proposal.IsEmpty)
        {
            b.AppendLine("- no orders");
        }

        foreach (var o in c.Proposal.Orders)
        {
            b.AppendLine(F($"- {o.Side} {o.Asset} at {o.Venue}: {o.Notional:N2} USD (fee {o.EstimatedFee:N2}, slippage {o.EstimatedSlippage:N2})"));
        }

        var l2 = c.Limits;
        b.AppendLine(F($"Limits (enforced after you): max {l2.MaxAssetWeight:P0} per asset, at least {l2.MinHoldings} positions, max {l2.MaxVolatileShare:P0} volatile, one-sided turnover max {l2.MaxTurnover:P0}, no volatile buys past a {l2.DrawdownBreaker:P0} drawdown, compliance holds: {(l2.ComplianceHolds.Count == 0 ? "none" : string.Join(", ", l2.ComplianceHolds))}."));
        b.AppendLine();
        b.AppendLine("Recent decisions (newest first):");
        if (c.RecentDecisions.Count == 0)
        {
            b.AppendLine("- none");
        }

        foreach (var d in c.RecentDecisions.Take(10))
        {
            var outcome = d.Right is null ? "outcome pending" : (d.Right.Value ? "RIGHT: " : "WRONG: ") + d.Outcome;
            b.AppendLine(F($"- {d.Date:yyyy-MM-dd} {d.Kind} by {d.Advisor}: {d.Action} (confidence {d.Confidence}); {outcome}"));
        }

        b.AppendLine();
        b.AppendLine(F($"The rule advisor answered: {rule.Action} (confidence {rule.Confidence}): {rule.Reasoning}"));
        b.AppendLine(F($"Answer with one JSON object: action one of [{string.Join(", ", Actions(kind))}], reasoning, confidence 0-100, scale (0-1 or null) and order_scales (may be empty)."));
        return b.ToString();
    }

    public static string ForWeek(WeeklyReviewInput input, Decision rule)
    {
        var b = new StringBuilder();
        b.AppendLine("Question: the weekly performance review. Comment for the trustees on the week and on how well the advisors' calls have turned out (hit rate, calibration), and what to watch.");
        b.AppendLine(F($"Period: {input.From:yyyy-MM-dd} to {input.To:yyyy-MM-dd}. Treasury value {input.TreasuryValue:N2} USD."));
        b.AppendLine(F($"Returns over the week: treasury {Pct(input.TreasuryReturn)}, static 60/40 {Pct(input.Static6040Return)}, buy-and-hold BTC {Pct(input.BtcBuyAndHoldReturn)}."));
        foreach (var card in input.Scorecards)
        {
            b.AppendLine(F($"- {card.Advisor}: {card.Decisions} decisions, {card.Scored} scored, {card.Right} right, hit rate {Pct(card.HitRate)}, mean confidence {card.MeanConfidence:0.#}, Brier {card.BrierScore:0.###}"));
            foreach (var bucket in card.Calibration)
            {
                b.AppendLine(F($"  confidence {bucket.From}-{bucket.To}: {bucket.Count} calls, {bucket.HitRate:P0} right"));
            }
        }

        b.AppendLine(F($"The rule advisor wrote: {rule.Reasoning}"));
        b.AppendLine("Answer with one JSON object: action \"acknowledge\", reasoning (your commentary), confidence 0-100, scale null, order_scales [].");
        return b.ToString();
    }

    private static string Pct(double? v) => v is { } x ? x.ToString("0.0%", CultureInfo.InvariantCulture) : "n/a";

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
