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
            new Kernel(ind.Sma(asset, window), ind.Close(asset), ind.AssetIndex(asset), ind.AssetIndex(BarDataBuilder.Yield)));
    }

    /// <summary>The decision as a kernel class, which also scans quiet stretches in one call.</summary>
    private sealed class Kernel(CausalSeries ma, CausalSeries close, int asset, int yield) : IStrategyKernel, IHoldScan
    {
        public void Decide(MarketView view, Span<double> target)
        {
            target[CloseAbove.Holds(view.Value(close), view.Value(ma)) ? asset : yield] = 1;
        }

        public int HeldUntil(int from, int to, ReadOnlySpan<double> held) =>
            HeldTarget.FirstChange<CloseAbove>(close, ma, asset, yield, from, to, held);
    }

    /// <summary>Close above a known average (false during the average's warm-up).</summary>
    private readonly struct CloseAbove : IBarTest
    {
        public static bool Holds(double close, double ma) => !double.IsNaN(ma) && close > ma;
    }
}
