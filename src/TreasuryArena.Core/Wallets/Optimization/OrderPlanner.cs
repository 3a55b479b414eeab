using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// Turns target weights into orders. Rules:
/// <list type="bullet">
/// <item>The investable value is cash plus holdings at the quoted NAVs, less the fees the trades will pay
/// (two fixed-point passes), so the targets are reachable after costs.</item>
/// <item>Sells come first; a position whose target is zero is sold in full; share quantities round down.</item>
/// <item>Buys spend at most the cash available after the sells' net proceeds: when the wanted buys exceed it
/// they are scaled down pro rata, and amounts round down to cents, so cash never goes negative.</item>
/// <item>An order below the minimum trade size is not placed.</item>
/// <item>Positions named in <c>untouched</c> (a band plan's kept positions) get no order at all.</item>
/// </list>
/// Weights that sum to less than 1 leave the rest in cash.
/// </summary>
public static class OrderPlanner
{
    public static OrderPlan Plan(
        decimal cash,
        IReadOnlyList<WalletPosition> positions,
        IReadOnlyDictionary<string, decimal> targetWeights,
        IReadOnlyDictionary<string, decimal> navs,
        OrderSizingOptions options,
        IReadOnlySet<string>? untouched = null)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(targetWeights);
        ArgumentNullException.ThrowIfNull(navs);
        ArgumentNullException.ThrowIfNull(options);
        if (cash < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(cash), cash, "cash cannot be negative");
        }

        var weightSum = 0m;
        foreach (var (symbol, w) in targetWeights)
        {
            if (w < 0m || w > 1m)
            {
                throw new ArgumentOutOfRangeException(nameof(targetWeights), w, $"weight of {symbol} must be within 0..1");
            }

            if (w > 0m && (!navs.TryGetValue(symbol, out var nav) || nav <= 0m))
            {
                throw new ArgumentException($"no positive NAV quoted for {symbol}", nameof(navs));
            }

            weightSum += w;
        }

        if (weightSum > 1.000001m)
        {
            throw new ArgumentException($"target weights sum to {weightSum}, more than 1", nameof(targetWeights));
        }

        var held = new Dictionary<string, WalletPosition>(StringComparer.Ordinal);
        foreach (var p in positions)
        {
            if (p.Shares > 0m)
            {
                held[p.Symbol] = p;
            }
        }

        var total = cash + held.Values.Sum(p => p.Value);
        if (total <= 0m)
        {
            return OrderPlan.Empty(cash);
        }

        var fees = 0m;
        OrderPlan plan = OrderPlan.Empty(cash);
        for (var pass = 0; pass < 2; pass++)
        {
            plan = Size(cash, held, targetWeights, navs, total - fees, total, options, untouched);
            fees = plan.EstimatedFees;
        }

        return plan;
    }

    private static OrderPlan Size(
        decimal cash,
        Dictionary<string, WalletPosition> held,
        IReadOnlyDictionary<string, decimal> targetWeights,
        IReadOnlyDictionary<string, decimal> navs,
        decimal investable,
        decimal total,
        OrderSizingOptions options,
        IReadOnlySet<string>? untouched)
    {
        var rate = options.TradeFeeRate;
        var sells = new List<RebalanceOrder>();
        var wantedBuys = new List<(string Symbol, decimal Gross, decimal Nav)>();
        var symbols = held.Keys.Union(targetWeights.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            if (untouched is not null && untouched.Contains(symbol))
            {
                continue;
            }

            var w = targetWeights.GetValueOrDefault(symbol);
            var position = held.GetValueOrDefault(symbol);
            var current = position?.Value ?? 0m;
            var target = w * investable;
            if (position is not null && current - target >= options.MinTradeUsd)
            {
                var shares = w == 0m
                    ? position.Shares
                    : RoundDown((current - target) / position.Nav, options.ShareDecimals);
                shares = Math.Min(shares, position.Shares);
                var gross = shares * position.Nav;
                if (shares > 0m && gross >= options.MinTradeUsd)
                {
                    var fee = RoundUp(gross * rate, options.CashDecimals);
                    sells.Add(new RebalanceOrder(symbol, OrderSide.Sell, shares, gross, fee, position.Nav));
                }
            }
            else if (target - current >= options.MinTradeUsd)
            {
                wantedBuys.Add((symbol, (target - current) / (1m - rate), navs[symbol]));
            }
        }

        var available = cash + sells.Sum(s => RoundDown(s.Amount - s.EstimatedFee, options.CashDecimals));
        var wanted = wantedBuys.Sum(b => b.Gross);
        var scale = wanted > available && wanted > 0m ? available / wanted : 1m;
        var buys = new List<RebalanceOrder>();
        var spent = 0m;
        foreach (var (symbol, gross, nav) in wantedBuys)
        {
            var amount = RoundDown(gross * scale, options.CashDecimals);
            amount = Math.Min(amount, available - spent);
            if (amount < options.MinTradeUsd)
            {
                continue;
            }

            spent += amount;
            var fee = RoundUp(amount * rate, options.CashDecimals);
            buys.Add(new RebalanceOrder(symbol, OrderSide.Buy, RoundDown((amount - fee) / nav, options.ShareDecimals), amount, fee, nav));
        }

        var orders = sells.Concat(buys).ToList();
        var fees = orders.Sum(o => o.EstimatedFee);
        var traded = orders.Sum(o => o.Amount);
        return new OrderPlan(orders, fees, available - spent, total > 0m ? traded / total : 0m);
    }

    internal static decimal RoundDown(decimal value, int decimals) => RoundingPolicy.Down(value, decimals);

    internal static decimal RoundUp(decimal value, int decimals) => RoundingPolicy.Up(value, decimals);
}
