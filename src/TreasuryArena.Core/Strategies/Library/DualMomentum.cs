using TreasuryArena.Core.Backtesting;

namespace TreasuryArena.Core.Strategies.Library;

/// <summary>Relative momentum picks BTC or ETH; absolute momentum holds it only if it beat the yield asset.</summary>
public static class DualMomentum
{
    public const string Name = "dual-momentum";

    public static StrategyDefinition Definition { get; } = new(
        Name,
        "Dual momentum across BTC, ETH and the yield asset: hold whichever of BTC and ETH returned more over the lookback (relative momentum), but only if that return beat the yield asset's (absolute momentum); otherwise hold yield.",
        "Antonacci, G. (2014), \"Dual Momentum Investing\", McGraw-Hill; Antonacci (2012) \"Risk Premia Harvesting Through Dual Momentum\"",
        [StrategyParameter.WholeNumber("lookback", "momentum lookback in bars", 90, 10, 365)],
        Create);

    private static KernelStrategy Create(StrategyArguments args)
    {
        var lookback = args.WholeNumber("lookback");
        return new KernelStrategy(Name, ["BTC", "ETH", BarDataBuilder.Yield], [], RebalancePolicy.Signal, lookback, args.Values, ind =>
        {
            var btc = ind.AssetIndex("BTC");
            var eth = ind.AssetIndex("ETH");
            var y = ind.AssetIndex(BarDataBuilder.Yield);
            var mb = ind.Momentum("BTC", lookback);
            var me = ind.Momentum("ETH", lookback);
            var my = ind.Momentum(BarDataBuilder.Yield, lookback);
            return new FuncKernel((view, target) =>
            {
                var b = view.Value(mb);
                var e = view.Value(me);
                var r = view.Value(my);
                if (double.IsNaN(b) || double.IsNaN(e))
                {
                    target[y] = 1;
                    return;
                }

                var (best, m) = b >= e ? (btc, b) : (eth, e);
                target[m > r ? best : y] = 1;
            });
        });
    }
}
