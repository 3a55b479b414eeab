using TreasuryArena.Core.Backtesting;

namespace TreasuryArena.Core.Strategies.Library;

/// <summary>More of the asset in fear, less in greed (contrarian sentiment), the rest in yield.</summary>
public static class FearGreedContrarian
{
    public const string Name = "fear-greed-contrarian";

    public static StrategyDefinition Definition { get; } = new(
        Name,
        "Contrarian sentiment: hold a large weight of the asset when the Crypto Fear & Greed index is at or below `fear`, a small one at or above `greed`, a neutral weight in between; the rest in the yield asset.",
        "alternative.me Crypto Fear & Greed Index; Baker & Wurgler (2007), \"Investor Sentiment in the Stock Market\", Journal of Economic Perspectives 21(2)",
        [
            StrategyParameter.Choice("asset", "the asset to trade", "BTC", "BTC", "ETH"),
            StrategyParameter.Number("fear", "index level at or below which sentiment counts as fear", 25, 1, 50),
            StrategyParameter.Number("greed", "index level at or above which sentiment counts as greed", 75, 50, 99),
            StrategyParameter.Number("fear_weight", "asset weight in fear", 0.9, 0, 1),
            StrategyParameter.Number("neutral_weight", "asset weight in between", 0.5, 0, 1),
            StrategyParameter.Number("greed_weight", "asset weight in greed", 0.1, 0, 1),
        ],
        Create);

    private static KernelStrategy Create(StrategyArguments args)
    {
        var asset = args.Choice("asset");
        var fear = args.Number("fear");
        var greed = args.Number("greed");
        var wf = args.Number("fear_weight");
        var wn = args.Number("neutral_weight");
        var wg = args.Number("greed_weight");
        return new KernelStrategy(Name, [asset, BarDataBuilder.Yield], [AuxSeries.FearGreed], RebalancePolicy.Signal, 0, args.Values, ind =>
        {
            var a = ind.AssetIndex(asset);
            var y = ind.AssetIndex(BarDataBuilder.Yield);
            var fg = ind.Aux(AuxSeries.FearGreed);
            return new FuncKernel((view, target) =>
            {
                var f = view.Value(fg);
                var w = f <= fear ? wf : f >= greed ? wg : wn;
                target[a] = w;
                target[y] = 1 - w;
            });
        });
    }
}
