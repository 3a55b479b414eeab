using TreasuryArena.Core.Backtesting;

namespace TreasuryArena.Core.Strategies.Library;

/// <summary>
/// Invests 1/N of the starting capital in the asset on the first bar and on the first bar of each of the next
/// N − 1 months; the rest waits in the yield asset. The target weight is the weight the ideal DCA portfolio has
/// at the bar: units bought = Σ (1/N) / close at each buy bar, yield = (N − k)/N grown by the yield index.
/// </summary>
public static class DollarCostAveraging
{
    public const string Name = "dca";

    public static StrategyDefinition Definition { get; } = new(
        Name,
        "Dollar-cost averaging: move an equal dollar slice of the starting capital from the yield asset into the asset at the start of each month for N months, then hold.",
        "Constantinides (1979), \"A Note on the Suboptimality of Dollar-Cost Averaging\"; Vanguard (2012), \"Dollar-cost averaging just means taking risk later\"",
        [
            StrategyParameter.Choice("asset", "the asset to accumulate", "BTC", "BTC", "ETH"),
            StrategyParameter.WholeNumber("months", "number of monthly purchases", 12, 1, 120),
        ],
        Create);

    private static KernelStrategy Create(StrategyArguments args)
    {
        var asset = args.Choice("asset");
        var months = args.WholeNumber("months");
        return new KernelStrategy(Name, [asset, BarDataBuilder.Yield], [], RebalancePolicy.Every(RebalanceCalendar.Monthly), 0, args.Values, ind =>
        {
            var a = ind.AssetIndex(asset);
            var y = ind.AssetIndex(BarDataBuilder.Yield);
            return new FuncKernel((view, target) =>
            {
                var start = view.DateAt(view.Index - view.StartIndex);
                var now = view.Date;
                var elapsed = ((now.Year - start.Year) * 12) + now.Month - start.Month;
                var k = Math.Min(months, elapsed + 1);
                var lag = 0;
                double inverseSum = 0;

                // Walk back to each buy bar: the start bar and the first bar of each later month, k in all.
                for (var j = k - 1; j >= 0; j--)
                {
                    var month = start.AddMonths(j);
                    var first = j == 0 ? start : new DateOnly(month.Year, month.Month, 1);
                    while (view.Index - lag - 1 >= view.StartIndex && view.DateAt(lag + 1) >= first)
                    {
                        lag++;
                    }

                    inverseSum += 1 / view.Close(a, lag);
                }

                var assetValue = view.Close(a) * inverseSum / months;
                var yieldValue = (months - k) / (double)months * view.Close(y) / view.Close(y, view.Index - view.StartIndex);
                var w = assetValue / (assetValue + yieldValue);
                target[a] = w;
                target[y] = 1 - w;
            });
        });
    }
}
