using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Advice;

/// <summary>
/// Applied after every advisor. First the advisor's decision narrows the proposal (reject/hold → nothing; approve →
/// as proposed; shrink → scaled by the adjustments; a scale above 1 or an order for an asset not in the proposal is a
/// widening attempt: cut back and recorded). A proposal whose <see cref="TradeMandate"/> does not allow a trade (drift
/// inside the band, no named trigger) loses every order (<c>drift_band</c>). Then the limits cut what remains, sells before buys:
/// compliance holds, position size, minimum diversification and turnover for sells; compliance holds, the drawdown
/// breaker, turnover, available cash, the per-asset weight and the volatile share for buys.
/// Weight limits are checked against a floor of the post-trade value (value minus every order's cost), so the real
/// post-trade weights can only be lower. Notionals are rounded down to cents; rounding only ever narrows.
/// A position already above a limit is never made larger; it is not forced down either (that is the planner's job).
/// </summary>
public static class Guardrails
{
    public const string Widening = "widening";
    public const string ComplianceHold = "compliance_hold";
    public const string PositionSize = "position_size";
    public const string MinDiversification = "min_diversification";
    public const string MaxTurnover = "max_turnover";
    public const string Cash = "cash";
    public const string DrawdownBreaker = "drawdown_breaker";
    public const string MaxAssetWeight = "max_asset_weight";
    public const string MaxVolatileShare = "max_volatile_share";
    public const string DriftBand = "drift_band";

    /// <summary>Costs of a cut order are rounded up to cents: keep two cents aside so cash never goes below zero.</summary>
    private const decimal CostRoundingReserve = 0.02m;

    /// <summary>Orders under a cent are dropped.</summary>
    private const decimal MinNotional = 0.01m;

    public static GuardrailOutcome Apply(PortfolioSnapshot portfolio, RebalanceProposal proposal, Decision decision, GuardrailLimits limits)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(limits);
        var interventions = new List<GuardrailIntervention>();
        var narrowed = Narrow(proposal, decision, interventions);
        if (proposal.Mandate is { Allows: false } mandate && narrowed.Count > 0)
        {
            // The drift band is a hard limit: inside it, with no named trigger, nothing trades whatever the advisor says.
            foreach (var o in narrowed)
            {
                interventions.Add(new GuardrailIntervention(DriftBand, o.Asset, o.Notional, 0m, mandate.Describe()));
            }

            narrowed.Clear();
        }

        var orders = Limit(portfolio, narrowed, limits, interventions);
        return new GuardrailOutcome(orders, interventions);
    }

    /// <summary>The advisor may only narrow: keep, scale down or drop proposed orders.</summary>
    private static List<TradeOrder> Narrow(RebalanceProposal proposal, Decision decision, List<GuardrailIntervention> interventions)
    {
        var result = new List<TradeOrder>();
        if (!decision.Acts)
        {
            return result;
        }

        var adjustments = decision.Adjustments;
        if (adjustments is not null)
        {
            foreach (var adj in adjustments.Orders)
            {
                if (!proposal.Orders.Any(o => string.Equals(o.Asset, adj.Asset, StringComparison.OrdinalIgnoreCase)))
                {
                    interventions.Add(new GuardrailIntervention(Widening, adj.Asset, 0m, 0m,
                        "the advisor adjusted an asset that is not in the proposal; an advisor cannot add orders"));
                }
            }
        }

        foreach (var order in proposal.Orders)
        {
            var scale = adjustments?.ScaleFor(order.Asset) ?? 1m;
            if (decision.Action == DecisionAction.Shrink && adjustments is null)
            {
                scale = 0.5m;
            }

            if (scale > 1m)
            {
                interventions.Add(new GuardrailIntervention(Widening, order.Asset, order.Notional * scale, order.Notional,
                    Text.F($"the advisor asked for {scale:0.####}× the proposed order; an advisor can only narrow, so it was cut back to 1×")));
                scale = 1m;
            }

            if (scale <= 0m)
            {
                continue;
            }

            var notional = RoundDown(order.Notional * scale);
            if (notional >= MinNotional)
            {
                result.Add(scale == 1m ? order : order.WithNotional(notional));
            }
        }

        return result;
    }

    private static List<TradeOrder> Limit(PortfolioSnapshot portfolio, List<TradeOrder> orders, GuardrailLimits limits, List<GuardrailIntervention> interventions)
    {
        var nav = portfolio.TotalValue;
        var values = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in portfolio.Positions)
        {
            values[p.Asset] = values.GetValueOrDefault(p.Asset) + p.Value;
        }

        var cash = portfolio.Cash;
        var volatileValue = portfolio.VolatileValue;

        // The lowest the portfolio value can be after this rebalance: every order's cost paid in full.
        var navFloor = nav - orders.Sum(o => o.EstimatedCost + CostRoundingReserve);
        // Turnover is one-sided: sells and buys each may trade at most MaxTurnover × value.
        var sellTurnoverLeft = Math.Max(0m, limits.MaxTurnover * nav);
        var buyTurnoverLeft = sellTurnoverLeft;
        var breakerTripped = portfolio.Drawdown >= limits.DrawdownBreaker;
        var executed = new List<TradeOrder>();

        foreach (var order in orders.Where(o => o.Side == OrderSide.Sell))
        {
            var allowed = order.Notional;
            if (limits.IsHeld(order.Asset))
            {
                interventions.Add(new GuardrailIntervention(ComplianceHold, order.Asset, order.Notional, 0m, Text.F($"{order.Asset} is under a compliance hold")));
                continue;
            }

            var held = values.GetValueOrDefault(order.Asset);
            allowed = Cut(allowed, held, PositionSize, order, interventions, Text.F($"only {held:0.00} USD of {order.Asset} is held"));
            if (allowed > 0m && allowed >= held)
            {
                var openAfter = values.Count(kv => kv.Value > 0m && !string.Equals(kv.Key, order.Asset, StringComparison.OrdinalIgnoreCase));
                if (openAfter < limits.MinHoldings)
                {
                    interventions.Add(new GuardrailIntervention(MinDiversification, order.Asset, order.Notional, 0m,
                        Text.F($"closing {order.Asset} would leave {openAfter} positions, fewer than the minimum of {limits.MinHoldings}")));
                    continue;
                }
            }

            allowed = Cut(allowed, sellTurnoverLeft, MaxTurnover, order, interventions, Text.F($"one-sided turnover per rebalance is capped at {limits.MaxTurnover:P0} of the portfolio"));
            allowed = RoundDown(allowed);
            if (allowed < MinNotional)
            {
                continue;
            }

            var fill = allowed == order.Notional ? order : order.WithNotional(allowed);
            values[order.Asset] = held - allowed;
            if (order.AssetClass == AssetClass.Volatile)
            {
                volatileValue -= allowed;
            }

            cash += allowed - fill.EstimatedCost;
            sellTurnoverLeft -= allowed;
            executed.Add(fill);
        }

        foreach (var order in orders.Where(o => o.Side == OrderSide.Buy))
        {
            var allowed = order.Notional;
            if (limits.IsHeld(order.Asset))
            {
                interventions.Add(new GuardrailIntervention(ComplianceHold, order.Asset, order.Notional, 0m, Text.F($"{order.Asset} is under a compliance hold")));
                continue;
            }

            if (breakerTripped && order.AssetClass == AssetClass.Volatile)
            {
                interventions.Add(new GuardrailIntervention(DrawdownBreaker, order.Asset, order.Notional, 0m,
                    Text.F($"drawdown {portfolio.Drawdown:P1} is past the {limits.DrawdownBreaker:P0} breaker: no volatile buys")));
                continue;
            }

            var costRate = order.CostRate;
            allowed = Cut(allowed, buyTurnoverLeft, MaxTurnover, order, interventions, Text.F($"one-sided turnover per rebalance is capped at {limits.MaxTurnover:P0} of the portfolio"));
            allowed = Cut(allowed, Math.Max(0m, (cash - CostRoundingReserve) / (1m + costRate)), Cash, order, interventions, "not enough cash after the sells");
            var held = values.GetValueOrDefault(order.Asset);
            allowed = Cut(allowed, Math.Max(0m, (limits.MaxAssetWeight * navFloor) - held), MaxAssetWeight, order, interventions,
                Text.F($"{order.Asset} may not exceed {limits.MaxAssetWeight:P0} of the portfolio"));
            if (order.AssetClass == AssetClass.Volatile)
            {
                allowed = Cut(allowed, Math.Max(0m, (limits.MaxVolatileShare * navFloor) - volatileValue), MaxVolatileShare, order, interventions,
                    Text.F($"volatile assets may not exceed {limits.MaxVolatileShare:P0} of the portfolio"));
            }

            allowed = RoundDown(allowed);
            if (allowed < MinNotional)
            {
                continue;
            }

            var fill = allowed == order.Notional ? order : order.WithNotional(allowed);
            values[order.Asset] = held + allowed;
            if (order.AssetClass == AssetClass.Volatile)
            {
                volatileValue += allowed;
            }

            cash -= allowed + fill.EstimatedCost;
            buyTurnoverLeft -= allowed;
            executed.Add(fill);
        }

        return executed;
    }

    private static decimal Cut(decimal allowed, decimal cap, string rule, TradeOrder order, List<GuardrailIntervention> interventions, string reason)
    {
        if (allowed <= cap)
        {
            return allowed;
        }

        var capped = RoundDown(Math.Max(0m, cap));
        interventions.Add(new GuardrailIntervention(rule, order.Asset, allowed, capped, reason));
        return capped;
    }

    private static decimal RoundDown(decimal value) => RoundingPolicy.CentsDown(value);
}
