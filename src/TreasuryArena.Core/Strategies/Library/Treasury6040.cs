using System.Globalization;
using TreasuryArena.Core.Backtesting;

namespace TreasuryArena.Core.Strategies.Library;

/// <summary>
/// The treasury strategy: 60% base yield, 40% tactical BTC+ETH. The tactical sleeve is sold in four equal steps
/// as the BTC MVRV Z-score crosses 3.5, 5.0, 7.0 and 9.0 (each step moves a quarter of the sleeve to yield; a
/// step once taken holds until re-entry). Re-entry rule: when the Z-score falls back below
/// <c>reentry_z</c> (default 1.0, the accumulation zone after a cycle top), the full sleeve is bought back.
/// Fear &amp; Greed contrarian tilt: at or below <c>fear</c> the sleeve is scaled up by <c>tilt</c>, at or above
/// <c>greed</c> scaled down by it. Rebalanced when weights drift more than 5% or the tier or tilt changes.
/// </summary>
public static class Treasury6040
{
    public const string Name = "treasury-60-40";

    public static StrategyDefinition Definition { get; } = new(
        Name,
        "60% base yield / 40% tactical BTC+ETH; sells the tactical sleeve in quarter steps as MVRV Z crosses 3.5, 5.0, 7.0 and 9.0, buys it back when Z falls below the re-entry level, tilts with Fear & Greed (contrarian) and rebalances on 5% drift.",
        "Mahmudov & Puell (2018), \"MVRV Z-Score\" (on-chain cycle valuation); alternative.me Crypto Fear & Greed Index; Vanguard (2010) drift-threshold rebalancing",
        [
            StrategyParameter.Number("base_weight", "weight of the base yield sleeve", 0.6, 0.3, 0.95),
            StrategyParameter.Number("btc_share", "BTC's share of the tactical sleeve (the rest is ETH)", 0.7, 0, 1),
            StrategyParameter.Number("z1", "first MVRV Z sell step", 3.5, 1, 12),
            StrategyParameter.Number("z2", "second MVRV Z sell step", 5.0, 1, 12),
            StrategyParameter.Number("z3", "third MVRV Z sell step", 7.0, 1, 12),
            StrategyParameter.Number("z4", "fourth MVRV Z sell step (sleeve fully in yield)", 9.0, 1, 12),
            StrategyParameter.Number("reentry_z", "MVRV Z below which the full tactical sleeve is bought back", 1.0, -1, 3),
            StrategyParameter.Number("fear", "Fear & Greed at or below which the sleeve is tilted up", 20, 0, 50),
            StrategyParameter.Number("greed", "Fear & Greed at or above which the sleeve is tilted down", 80, 50, 100),
            StrategyParameter.Number("tilt", "contrarian tilt as a fraction of the sleeve", 0.25, 0, 0.5),
            StrategyParameter.Number("drift", "drift threshold for rebalancing", 0.05, 0.01, 0.25),
        ],
        Create);

    private static KernelStrategy Create(StrategyArguments args)
    {
        var baseWeight = args.Number("base_weight");
        var btcShare = args.Number("btc_share");
        double[] steps = [args.Number("z1"), args.Number("z2"), args.Number("z3"), args.Number("z4")];
        for (var i = 1; i < steps.Length; i++)
        {
            if (steps[i] <= steps[i - 1])
            {
                throw StrategyException.BadParameter(FormattableString.Invariant($"{Name}: sell steps must increase (z{i} = {steps[i - 1]}, z{i + 1} = {steps[i]})"));
            }
        }

        var reentry = args.Number("reentry_z");
        if (reentry >= steps[0])
        {
            throw StrategyException.BadParameter(FormattableString.Invariant($"{Name}: reentry_z ({reentry}) must be below z1 ({steps[0]})"));
        }

        var fear = args.Number("fear");
        var greed = args.Number("greed");
        var tilt = args.Number("tilt");
        var policy = new RebalancePolicy { DriftThreshold = args.Number("drift"), OnSignal = true };
        var key = string.Join(',', steps.Select(s => s.ToString("R", CultureInfo.InvariantCulture))) + "," + reentry.ToString("R", CultureInfo.InvariantCulture);
        return new KernelStrategy(Name, [BarDataBuilder.Yield, "BTC", "ETH"], [AuxSeries.MvrvZ, AuxSeries.FearGreed], policy, 0, args.Values, ind =>
        {
            var z = ind.Aux(AuxSeries.MvrvZ);
            var fg = ind.Aux(AuxSeries.FearGreed);
            var tier = ind.Scan("treasury-tier(" + key + ")", 0, (previous, view) => Tier(previous, view.Value(z), steps, reentry));
            var y = ind.AssetIndex(BarDataBuilder.Yield);
            var btc = ind.AssetIndex("BTC");
            var eth = ind.AssetIndex("ETH");
            return new FuncKernel((view, target) =>
            {
                var sleeve = (1 - baseWeight) * (1 - (view.Value(tier) / steps.Length));
                var f = view.Value(fg);
                if (f <= fear)
                {
                    sleeve *= 1 + tilt;
                }
                else if (f >= greed)
                {
                    sleeve *= 1 - tilt;
                }

                sleeve = Math.Min(sleeve, 1);
                target[btc] = sleeve * btcShare;
                target[eth] = sleeve * (1 - btcShare);
                target[y] = 1 - sleeve;
            });
        });
    }

    /// <summary>Sell steps taken: the highest crossed so far, reset to 0 when Z falls below the re-entry level (the ladder the
    /// treasury uses too, <see cref="Intelligence.MvrvLadder"/>).</summary>
    internal static double Tier(double previous, double z, double[] steps, double reentry) =>
        Intelligence.MvrvLadder.Next((int)previous, z, steps, reentry);
}
