using TreasuryArena.Core.Backtesting;

namespace TreasuryArena.Core.Strategies.Library;

/// <summary>Constant weights across yield, BTC and ETH, rebalanced on a calendar and/or a drift threshold.</summary>
public static class FixedWeight
{
    public const string Name = "fixed-weight";

    public static StrategyDefinition Definition { get; } = new(
        Name,
        "Hold constant weights in the yield asset, BTC and ETH (default 60/40 yield/BTC) and rebalance back to them monthly or when drift exceeds a threshold.",
        "Jaconetti, Kinniry & Zilbering (2010), \"Best Practices for Portfolio Rebalancing\", Vanguard Research",
        [
            StrategyParameter.Number("yield_weight", "weight of the yield asset", 0.6, 0, 1),
            StrategyParameter.Number("btc_weight", "weight of BTC", 0.4, 0, 1),
            StrategyParameter.Number("eth_weight", "weight of ETH", 0, 0, 1),
            StrategyParameter.Choice("rebalance", "calendar rebalancing", "monthly", "none", "daily", "weekly", "monthly", "quarterly"),
            StrategyParameter.Number("drift", "drift threshold that triggers a rebalance (0 = off)", 0, 0, 0.5),
        ],
        Create);

    private static KernelStrategy Create(StrategyArguments args)
    {
        var weights = new (string Asset, double Weight)[]
        {
            (BarDataBuilder.Yield, args.Number("yield_weight")),
            ("BTC", args.Number("btc_weight")),
            ("ETH", args.Number("eth_weight")),
        };
        var sum = weights.Sum(w => w.Weight);
        if (Math.Abs(sum - 1) > 1e-9)
        {
            throw StrategyException.BadParameter(FormattableString.Invariant($"{Name}: weights sum to {sum:0.###}, must be 1"));
        }

        var held = weights.Where(w => w.Weight > 0).ToArray();
        var calendar = Enum.Parse<RebalanceCalendar>(args.Choice("rebalance"), ignoreCase: true);
        var drift = args.Number("drift");
        var policy = new RebalancePolicy { Calendar = calendar, DriftThreshold = drift > 0 ? drift : null };
        return new KernelStrategy(Name, [.. held.Select(h => h.Asset)], [], policy, 0, args.Values, ind =>
        {
            var idx = held.Select(h => ind.AssetIndex(h.Asset)).ToArray();
            var w = held.Select(h => h.Weight).ToArray();
            return new FuncKernel((_, target) =>
            {
                for (var i = 0; i < idx.Length; i++)
                {
                    target[idx[i]] = w[i];
                }
            });
        });
    }
}
