using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Advice;

/// <summary>
/// Judges a decision after its horizon. Each position's value moves with its price (value × price then / price at
/// the decision); the "acted" portfolio also carries the orders (bought notional added, sold notional removed, cash
/// changed by notional and costs). The orders compared are the approved ones when the decision acted, and the
/// candidate plan when it did not (the alternative it turned down). A decision that acted was right when acting ended
/// at least as high as not acting; one that held was right when not acting ended at least as high.
/// </summary>
public static class OutcomeEvaluator
{
    public static DecisionOutcome Evaluate(JournalEntry entry, IReadOnlyDictionary<string, decimal> pricesThen, DateOnly evaluatedOn)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(pricesThen);
        var acted = entry.Decision.Acts && entry.Approved.Count > 0;
        var orders = entry.Decision.Acts ? entry.Approved : entry.Candidate;
        var growth = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        decimal Growth(string asset)
        {
            if (!growth.TryGetValue(asset, out var g))
            {
                g = entry.Prices.TryGetValue(asset, out var before) && before > 0m && pricesThen.TryGetValue(asset, out var after)
                    ? after / before
                    : throw new ArgumentException($"no price for {asset} at the decision and on {evaluatedOn:yyyy-MM-dd}");
                growth[asset] = g;
            }

            return g;
        }

        var valueIfNot = entry.PortfolioBefore.Cash + entry.PortfolioBefore.Positions.Sum(p => p.Value * Growth(p.Asset));
        var delta = 0m;
        foreach (var o in orders)
        {
            var sign = o.Side == OrderSide.Buy ? 1m : -1m;
            delta += (sign * o.Notional * Growth(o.Asset)) - (sign * o.Notional) - o.EstimatedCost;
        }

        var valueIfActed = valueIfNot + delta;
        var ifActed = RoundingPolicy.Cents(valueIfActed);
        var ifNot = RoundingPolicy.Cents(valueIfNot);
        if (orders.Count == 0)
        {
            return new DecisionOutcome(evaluatedOn, ifActed, ifNot, false, null, "no orders either way; nothing to compare");
        }

        var right = entry.Decision.Acts ? ifActed >= ifNot : ifNot >= ifActed;
        var diff = ifActed - ifNot;
        var summary = Text.F(
            $"{(entry.Decision.Acts ? "acting" : "holding")} on {entry.AsOf:yyyy-MM-dd}: by {evaluatedOn:yyyy-MM-dd} the orders were worth {diff:+#,0.00;-#,0.00;0.00} USD against not trading, so the call was {(right ? "right" : "wrong")}");
        return new DecisionOutcome(evaluatedOn, ifActed, ifNot, acted, right, summary);
    }
}
