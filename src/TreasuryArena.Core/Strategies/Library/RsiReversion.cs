using System.Globalization;
using TreasuryArena.Core.Backtesting;

namespace TreasuryArena.Core.Strategies.Library;

/// <summary>Buy when RSI is oversold, sell when overbought, hold the position in between.</summary>
public static class RsiReversion
{
    public const string Name = "rsi-reversion";

    public static StrategyDefinition Definition { get; } = new(
        Name,
        "RSI mean reversion: go long the asset when its 14-day RSI drops below `oversold`, go back to the yield asset when RSI rises above `overbought`, keep the position in between.",
        "Wilder, J. W. (1978), \"New Concepts in Technical Trading Systems\" (Relative Strength Index)",
        [
            StrategyParameter.Choice("asset", "the asset to trade", "BTC", "BTC", "ETH"),
            StrategyParameter.WholeNumber("period", "RSI period in bars", 14, 2, 60),
            StrategyParameter.Number("oversold", "RSI level below which to buy", 30, 5, 50),
            StrategyParameter.Number("overbought", "RSI level above which to sell", 70, 50, 95),
        ],
        Create);

    private static KernelStrategy Create(StrategyArguments args)
    {
        var asset = args.Choice("asset");
        var period = args.WholeNumber("period");
        var oversold = args.Number("oversold");
        var overbought = args.Number("overbought");
        if (oversold >= overbought)
        {
            throw StrategyException.BadParameter($"{Name}: oversold ({oversold.ToString(CultureInfo.InvariantCulture)}) must be below overbought ({overbought.ToString(CultureInfo.InvariantCulture)})");
        }

        return new KernelStrategy(Name, [asset, BarDataBuilder.Yield], [], RebalancePolicy.Signal, period + 1, args.Values, ind =>
        {
            var a = ind.AssetIndex(asset);
            var y = ind.AssetIndex(BarDataBuilder.Yield);
            var rsi = ind.Rsi(asset, period);
            var key = string.Create(CultureInfo.InvariantCulture, $"rsi-long({asset},{period},{oversold},{overbought})");

            // 1 = long, 0 = out; a forward scan keeps the position between the two levels.
            var position = ind.Scan(key, 0, (previous, view) =>
            {
                var r = view.Value(rsi);
                return r < oversold ? 1 : r > overbought ? 0 : previous;
            });
            return new FuncKernel((view, target) => target[view.Value(position) > 0 ? a : y] = 1);
        });
    }
}
