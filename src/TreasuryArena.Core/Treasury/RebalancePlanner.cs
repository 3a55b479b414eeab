using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Treasury;

/// <summary>
/// Builds the orders that move a valuation to its targets: one order per position whose gap exceeds
/// <see cref="TreasuryOptions.MinTradeUsd"/>, with estimated fees and slippage from the venue's basis points; sells
/// first, then buys funded by cash plus sell proceeds (scaled down together when they do not fit). The result then goes
/// through <see cref="Guardrails"/> so a plan never proposes anything past a limit.
/// </summary>
public static class RebalancePlanner
{
    private const string Planner = "planner";

    public static RebalancePlan Plan(TreasuryValuation valuation, TreasuryTargets targets, TreasuryOptions options, GuardrailLimits limits, string trigger)
    {
        ArgumentNullException.ThrowIfNull(valuation);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limits);
        var total = valuation.TotalValue;
        var sells = new List<TradeOrder>();
        var buys = new List<TradeOrder>();
        foreach (var line in valuation.Lines)
        {
            var gap = (targets.WeightOf(line.Asset) * total) - line.Value;
            var notional = RoundingPolicy.CentsDown(Math.Abs(gap));
            if (notional < options.MinTradeUsd || notional <= 0m)
            {
                continue;
            }

            if (gap < 0m)
            {
                sells.Add(Order(line.Asset, line.Venue, line.AssetClass, OrderSide.Sell, Math.Min(notional, line.Value), options));
            }
            else
            {
                buys.Add(Order(line.Asset, line.Venue, line.AssetClass, OrderSide.Buy, notional, options));
            }
        }

        var available = valuation.Cash + sells.Sum(s => s.Notional - s.EstimatedCost);
        var needed = buys.Sum(b => b.Notional + b.EstimatedCost);
        if (needed > available && needed > 0m)
        {
            var scale = Math.Max(0m, available) / needed;
            buys = buys
                .Select(b => (Order: b, Notional: RoundingPolicy.CentsDown(b.Notional * scale)))
                .Where(b => b.Notional >= options.MinTradeUsd)
                .Select(b => b.Order.WithNotional(b.Notional))
                .ToList();
        }

        var candidate = new RebalanceProposal(valuation.AsOf, trigger, [.. sells.OrderBy(s => s.Asset, StringComparer.Ordinal), .. buys.OrderBy(b => b.Asset, StringComparer.Ordinal)]);
        var approve = new Decision(DecisionKind.RebalanceApproval, DecisionAction.Approve, "plan to target", 100, Planner);
        var limited = Guardrails.Apply(valuation.ToSnapshot(), candidate, approve, limits);
        return new RebalancePlan(valuation, targets, candidate with { Orders = limited.Orders }, limited.Interventions);
    }

    /// <summary>The estimated fee and slippage of an order at the venue's configured basis points (rounded to cents).</summary>
    public static TradeOrder Order(string asset, string venue, AssetClass assetClass, OrderSide side, decimal notional, TreasuryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        decimal feeBps;
        decimal slippageBps;
        if (assetClass == AssetClass.Volatile)
        {
            feeBps = options.TacticalFeeBps;
            slippageBps = options.TacticalSlippageBps;
        }
        else
        {
            var v = options.EffectiveBaseVenues().FirstOrDefault(v => string.Equals(v.Asset, asset, StringComparison.OrdinalIgnoreCase));
            feeBps = v?.FeeBps ?? 5m;
            slippageBps = v?.SlippageBps ?? 5m;
        }

        return new TradeOrder(asset, venue, assetClass, side, notional, Cents(notional * feeBps / 10_000m), Cents(notional * slippageBps / 10_000m));
    }

    private static decimal Cents(decimal amount) => RoundingPolicy.Cents(amount);
}
