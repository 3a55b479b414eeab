using TreasuryArena.Core.Backtesting;

namespace TreasuryArena.Core.Strategies.Library;

/// <summary>Long the asset while it closes above its N-day moving average, otherwise in the yield asset.</summary>
public static class MaTrend
{
    public const string Name = "ma-trend";

    public static StrategyDefinition Definition { get; } = new(
        Name,
        "Trend following: hold the asset while its close is above its 200-day simple moving average, move to the yield asset when it closes below.",
        "Faber, M. (2007), \"A Quantitative Approach to Tactical Asset Allocation\", Journal of Wealth Management",
        [
            StrategyParameter.Choice("asset", "the asset to trade", "BTC", "BTC", "ETH"),
            StrategyParameter.WholeNumber("window", "moving-average window in bars", 200, 10, 400),
        ],
        Create);

    private static KernelStrategy Create(StrategyArguments args)
    {
        var asset = args.Choice("asset");
        var window = args.WholeNumber("window");
        return new KernelStrategy(Name, [asset, BarDataBuilder.Yield], [], RebalancePolicy.Signal, window, args.Values, ind =>
        {
            var a = ind.AssetIndex(asset);
            var y = ind.AssetIndex(BarDataBuilder.Yield);
            var ma = ind.Sma(asset, window);
            var close = ind.Close(asset);
            return new FuncKernel((view, target) =>
            {
                var m = view.Value(ma);
                target[!double.IsNaN(m) && view.Value(close) > m ? a : y] = 1;
            });
        });
    }
}
