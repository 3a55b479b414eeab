using System.Text.Json;
using TreasuryArena.Core.Advice;

namespace TreasuryArena.Infrastructure.Advice;

/// <summary>
/// Parses the model's text into a typed <see cref="Decision"/>. The text must be exactly one JSON object (a
/// surrounding Markdown code fence is tolerated; any other text outside the object is refused as
/// <c>malformed_output</c>); the action must be one allowed for the question, the confidence an integer 0–100, the
/// reasoning non-empty and scales numbers (values above 1 are kept: the guardrails cut them back and record the
/// widening attempt).
/// </summary>
internal static class ClaudeAnswerParser
{
    public static ClaudeAnswer Parse(string? text, DecisionKind kind)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ClaudeAnswer.Fail("malformed_output", "empty answer");
        }

        var body = StripFence(text.Trim());
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return ClaudeAnswer.Fail("malformed_output", "not a single JSON object: " + ex.Message);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ClaudeAnswer.Fail("malformed_output", "the answer is not a JSON object");
            }

            if (!root.TryGetProperty("action", out var actionEl) || actionEl.ValueKind != JsonValueKind.String)
            {
                return ClaudeAnswer.Fail("schema_violation", "missing action");
            }

            var action = actionEl.GetString()!.Trim().ToLowerInvariant();
            if (!ClaudePrompt.Actions(kind).Contains(action))
            {
                return ClaudeAnswer.Fail("schema_violation", $"action '{action}' is not allowed for {kind}");
            }

            if (!root.TryGetProperty("reasoning", out var reasonEl) || reasonEl.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(reasonEl.GetString()))
            {
                return ClaudeAnswer.Fail("schema_violation", "missing reasoning");
            }

            if (!root.TryGetProperty("confidence", out var confEl) || confEl.ValueKind != JsonValueKind.Number || !confEl.TryGetDecimal(out var confidence)
                || confidence != Math.Truncate(confidence) || confidence is < 0m or > 100m)
            {
                return ClaudeAnswer.Fail("schema_violation", "confidence must be an integer from 0 to 100");
            }

            decimal? scale = null;
            if (root.TryGetProperty("scale", out var scaleEl) && scaleEl.ValueKind != JsonValueKind.Null)
            {
                if (scaleEl.ValueKind != JsonValueKind.Number || !scaleEl.TryGetDecimal(out var s))
                {
                    return ClaudeAnswer.Fail("schema_violation", "scale must be a number or null");
                }

                scale = s;
            }

            var orders = new List<OrderAdjustment>();
            if (root.TryGetProperty("order_scales", out var ordersEl) && ordersEl.ValueKind != JsonValueKind.Null)
            {
                if (ordersEl.ValueKind != JsonValueKind.Array)
                {
                    return ClaudeAnswer.Fail("schema_violation", "order_scales must be an array");
                }

                foreach (var o in ordersEl.EnumerateArray())
                {
                    if (o.ValueKind != JsonValueKind.Object
                        || !o.TryGetProperty("asset", out var a) || a.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(a.GetString())
                        || !o.TryGetProperty("scale", out var sc) || sc.ValueKind != JsonValueKind.Number || !sc.TryGetDecimal(out var orderScale))
                    {
                        return ClaudeAnswer.Fail("schema_violation", "each order_scales item needs an asset and a numeric scale");
                    }

                    orders.Add(new OrderAdjustment(a.GetString()!, orderScale));
                }
            }

            var decisionAction = action switch
            {
                "hold" => DecisionAction.Hold,
                "rebalance" => DecisionAction.Rebalance,
                "approve" => DecisionAction.Approve,
                "reject" => DecisionAction.Reject,
                "shrink" => DecisionAction.Shrink,
                "de_risk" => DecisionAction.DeRisk,
                _ => DecisionAction.Acknowledge,
            };
            var adjustments = scale is null && orders.Count == 0 ? null : new DecisionAdjustments(scale, orders);
            var decision = new Decision(kind, decisionAction, reasonEl.GetString()!.Trim(), (int)confidence, Decision.ClaudeAdvisor)
            {
                Adjustments = adjustments,
            };
            return new ClaudeAnswer(decision, null, null);
        }
    }

    private static string StripFence(string text)
    {
        if (!text.StartsWith("```", StringComparison.Ordinal) || !text.EndsWith("```", StringComparison.Ordinal) || text.Length < 6)
        {
            return text;
        }

        var inner = text[3..^3];
        var newline = inner.IndexOf('\n', StringComparison.Ordinal);
        if (newline >= 0 && inner[..newline].Trim().All(char.IsLetter))
        {
            inner = inner[(newline + 1)..];
        }

        return inner.Trim();
    }
}
