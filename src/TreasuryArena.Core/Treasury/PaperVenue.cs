using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Treasury;

/// <summary>
/// Simulated execution: every order fills in full at the mark, paying its estimated fee and slippage in cash
/// (a buy costs notional + fee + slippage, a sell returns notional − fee − slippage). Quantities are
/// notional / mark, rounded down to 10 decimals; a sell never takes more than is held. Sells execute before buys.
/// Cost basis is reduced pro rata on sells and increased by everything paid on buys.
/// </summary>
public static class PaperVenue
{
    public static PaperExecution Execute(TreasuryPortfolio portfolio, IReadOnlyList<TradeOrder> orders, TreasuryMarks marks)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(marks);
        var positions = portfolio.Positions.ToDictionary(p => p.Asset, StringComparer.OrdinalIgnoreCase);
        var cash = portfolio.Cash;
        var fills = new List<Fill>();
        foreach (var order in orders.Where(o => o.Side == OrderSide.Sell).Concat(orders.Where(o => o.Side == OrderSide.Buy)))
        {
            var price = marks.PriceOf(order.Asset);
            positions.TryGetValue(order.Asset, out var held);
            var quantity = RoundingPolicy.Down(order.Notional / price, 10);
            if (order.Side == OrderSide.Sell)
            {
                var heldQty = held?.Quantity ?? 0m;
                var capped = quantity > heldQty;
                if (capped)
                {
                    quantity = heldQty;
                }

                if (quantity <= 0m || held is null)
                {
                    continue;
                }

                var scaled = capped ? order.WithNotional(Math.Max(0.01m, RoundingPolicy.CentsDown(quantity * price))) : order;
                var fill = new Fill(marks.AsOf, order.Asset, order.Venue, OrderSide.Sell, quantity, price, scaled.Notional, scaled.EstimatedFee, scaled.EstimatedSlippage);
                var remaining = heldQty - quantity;
                var basis = heldQty == 0m ? 0m : RoundingPolicy.Cents(held.CostBasis * remaining / heldQty);
                positions[order.Asset] = held with { Quantity = remaining, CostBasis = basis };
                cash += fill.CashDelta;
                fills.Add(fill);
            }
            else
            {
                if (quantity <= 0m)
                {
                    continue;
                }

                var fill = new Fill(marks.AsOf, order.Asset, order.Venue, OrderSide.Buy, quantity, price, order.Notional, order.EstimatedFee, order.EstimatedSlippage);
                positions[order.Asset] = held is null
                    ? new TreasuryPosition(order.Asset, order.Venue, order.AssetClass, quantity, -fill.CashDelta)
                    : held with { Quantity = held.Quantity + quantity, CostBasis = held.CostBasis - fill.CashDelta };
                cash += fill.CashDelta;
                fills.Add(fill);
            }
        }

        var after = portfolio with
        {
            Cash = cash,
            UpdatedOn = marks.AsOf,
            Positions = positions.Values.Where(p => p.Quantity > 0m).OrderBy(p => p.Asset, StringComparer.Ordinal).ToList(),
        };
        return new PaperExecution(after, fills);
    }

    /// <summary>A new treasury on <paramref name="inception"/>: the capital spread over the targets at the marks (costs paid).</summary>
    public static PaperExecution Open(TreasuryOptions options, TreasuryTargets targets, TreasuryMarks marks, DateOnly inception)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(targets);
        var empty = new TreasuryPortfolio(inception, marks.AsOf, options.InitialCapital, [], options.InitialCapital);
        var orders = new List<TradeOrder>();
        var capital = options.InitialCapital;
        foreach (var t in targets.Weights.Where(t => t.Weight > 0m))
        {
            var draft = RebalancePlanner.Order(t.Asset, t.Venue, t.AssetClass, OrderSide.Buy, Math.Max(0.01m, capital * t.Weight), options);

            // Spend exactly the target share of the capital including costs: notional = share / (1 + cost rate).
            var notional = RoundingPolicy.CentsDown(capital * t.Weight / (1m + draft.CostRate));
            if (notional > 0m)
            {
                orders.Add(RebalancePlanner.Order(t.Asset, t.Venue, t.AssetClass, OrderSide.Buy, notional, options));
            }
        }

        var opened = Execute(empty, orders, marks);
        return opened with { Portfolio = opened.Portfolio with { PeakValue = options.InitialCapital } };
    }
}
