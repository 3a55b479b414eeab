using TreasuryArena.Core.Backtesting;

namespace TreasuryArena.Core.Strategies.Library;

/// <summary>Long while the fast moving average is above the slow one, flat (yield or cash) otherwise.</summary>
public static class MaCrossover
{
    public const string Name = "ma-crossover";

    public static StrategyDefinition Definition { get; } = new(
        Name,
        "Moving-average crossover: long the asset while its 20-day SMA is above its 100-day SMA, flat (yield asset or cash) otherwise.",
        "Brock, Lakonishok & LeBaron (1992), \"Simple Technical Trading Rules and the Stochastic Properties of Stock Returns\", Journal of Finance 47(5)",
        [
            StrategyParameter.Choice("asset", "the asset to trade", "BTC", "BTC", "ETH"),
            StrategyParameter.WholeNumber("fast", "fast moving-average window", 20, 2, 200),
            StrategyParameter.WholeNumber("slow", "slow moving-average window", 100, 5, 400),
            StrategyParameter.Choice("flat", "where the capital waits when not long", "yield", "yield", "cash"),
        ],
        Create);

    public static KernelStrategy Create(StrategyArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var asset = args.Choice("asset");
        var fast = args.WholeNumber("fast");
        var slow = args.WholeNumber("slow");
        if (fast >= slow)
        {
            throw StrategyException.BadParameter($"{Name}: fast ({fast}) must be shorter than slow ({slow})");
        }

        var inYield = args.Choice("flat") == "yield";
        string[] assets = inYield ? [asset, BarDataBuilder.Yield] : [asset];
        return new KernelStrategy(Name, assets, [], RebalancePolicy.Signal, slow, args.Values, ind =>
            new Kernel(ind.Sma(asset, fast), ind.Sma(asset, slow), ind.AssetIndex(asset), inYield ? ind.AssetIndex(BarDataBuilder.Yield) : -1));
    }

    /// <summary>A dedicated kernel class (no delegate) for the hot path; it also scans quiet stretches in one call.</summary>
    private sealed class Kernel(CausalSeries fast, CausalSeries slow, int asset, int flat) : IStrategyKernel, IHoldScan
    {
        public void Decide(MarketView view, Span<double> target)
        {
            if (FastAbove.Holds(view.Value(fast), view.Value(slow)))
            {
                target[asset] = 1;
            }
            else if (flat >= 0)
            {
                target[flat] = 1;
            }
        }

        public int HeldUntil(int from, int to, ReadOnlySpan<double> held) =>
            HeldTarget.FirstChange<FastAbove>(fast, slow, asset, flat, from, to, held);
    }

    private readonly struct FastAbove : IBarTest
    {
        public static bool Holds(double fast, double slow) => fast > slow;
    }
}
