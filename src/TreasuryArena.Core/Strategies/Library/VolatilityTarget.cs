using TreasuryArena.Core.Backtesting;

namespace TreasuryArena.Core.Strategies.Library;

/// <summary>Scales the asset's weight to hit a target volatility; the rest in yield.</summary>
public static class VolatilityTarget
{
    public const string Name = "vol-target";

    public static StrategyDefinition Definition { get; } = new(
        Name,
        "Volatility targeting: hold the asset at weight target_vol / trailing volatility (capped at max_weight), the rest in the yield asset; rebalanced when drift exceeds 5%.",
        "Moreira & Muir (2017), \"Volatility-Managed Portfolios\", Journal of Finance 72(4)",
        [
            StrategyParameter.Choice("asset", "the asset to trade", "BTC", "BTC", "ETH"),
            StrategyParameter.Number("target_vol", "annualised volatility target", 0.4, 0.05, 2),
            StrategyParameter.WholeNumber("window", "volatility window in bars", 30, 5, 365),
            StrategyParameter.Number("max_weight", "largest weight of the asset", 1, 0.1, 1),
            StrategyParameter.Number("drift", "drift threshold for rebalancing", 0.05, 0.005, 0.5),
        ],
        Create);

    private static KernelStrategy Create(StrategyArguments args)
    {
        var asset = args.Choice("asset");
        var targetVol = args.Number("target_vol");
        var window = args.WholeNumber("window");
        var max = args.Number("max_weight");
        return new KernelStrategy(Name, [asset, BarDataBuilder.Yield], [], RebalancePolicy.Drift(args.Number("drift")), window + 1, args.Values, ind =>
        {
            var a = ind.AssetIndex(asset);
            var y = ind.AssetIndex(BarDataBuilder.Yield);
            var vol = ind.Volatility(asset, window);
            return new FuncKernel((view, target) =>
            {
                var v = view.Value(vol);
                var w = v > 0 ? Math.Min(max, targetVol / v) : 0;
                target[a] = w;
                target[y] = 1 - w;
            });
        });
    }
}
