using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// The cap check of a plan: the weights a wallet would have after its orders fill at the given NAVs (sells clamped to
/// the shares held, buys to the cash there is, sells first, fees at the trade fee rate), and the positions above the
/// largest weight. Used before a held plan is released and, on the wallet's real state, after every execution.
/// </summary>
public static class PlanCaps
{
    public static Dictionary<string, decimal> WeightsAfter(
        decimal cash,
        IReadOnlyList<WalletPosition> positions,
        IReadOnlyList<RebalanceOrder> orders,
        IReadOnlyDictionary<string, decimal> navs,
        decimal feeRate)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(navs);
        var shares = positions.Where(p => p.Shares > 0m).ToDictionary(p => p.Symbol, p => p.Shares, StringComparer.Ordinal);
        foreach (var o in orders.Where(o => o.Side == OrderSide.Sell))
        {
            var held = shares.GetValueOrDefault(o.Symbol);
            var qty = Math.Min(o.Shares, held);
            shares[o.Symbol] = held - qty;
            cash += qty * navs[o.Symbol] * (1m - feeRate);
        }

        foreach (var o in orders.Where(o => o.Side == OrderSide.Buy))
        {
            var amount = Math.Min(o.Amount, cash);
            if (amount <= 0m)
            {
                continue;
            }

            cash -= amount;
            shares[o.Symbol] = shares.GetValueOrDefault(o.Symbol) + (amount * (1m - feeRate) / navs[o.Symbol]);
        }

        var total = cash + shares.Sum(kv => kv.Value * navs[kv.Key]);
        return total <= 0m
            ? new Dictionary<string, decimal>(StringComparer.Ordinal)
            : shares.Where(kv => kv.Value > 0m).ToDictionary(kv => kv.Key, kv => kv.Value * navs[kv.Key] / total, StringComparer.Ordinal);
    }

    /// <summary>The positions whose weight is above <paramref name="cap"/> + <paramref name="tolerance"/>, largest first.</summary>
    public static List<KeyValuePair<string, decimal>> Over(IReadOnlyDictionary<string, decimal> weights, decimal cap, decimal tolerance)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return weights.Where(kv => kv.Value > cap + tolerance).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
    }
}
