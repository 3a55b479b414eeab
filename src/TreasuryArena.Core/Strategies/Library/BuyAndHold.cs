using TreasuryArena.Core.Backtesting;

namespace TreasuryArena.Core.Strategies.Library;

/// <summary>Everything in one asset on the first bar, never traded again.</summary>
public static class BuyAndHold
{
    public const string Name = "buy-and-hold";

    public static StrategyDefinition Definition { get; } = new(
        Name,
        "Put all capital into one asset on the first bar and hold it; the passive benchmark every other strategy must beat.",
        "Sharpe, W. F. (1991), \"The Arithmetic of Active Management\", Financial Analysts Journal 47(1); empyrical/pyfolio benchmark convention",
        [StrategyParameter.Choice("asset", "the asset to hold", "BTC", "BTC", "ETH", BarDataBuilder.Yield)],
        Create);

    private static KernelStrategy Create(StrategyArguments args)
    {
        var asset = args.Choice("asset");
        return new KernelStrategy(Name, [asset], [], RebalancePolicy.Never, 0, args.Values, ind =>
        {
            var a = ind.AssetIndex(asset);
            return new FuncKernel((_, target) => target[a] = 1);
        });
    }
}
