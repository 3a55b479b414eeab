using TreasuryArena.Core.Backtesting;

namespace TreasuryArena.Core.Strategies.Library;

/// <summary>BTC and ETH weighted by inverse volatility (equal risk under equal correlation), plus a fixed yield sleeve.</summary>
public static class RiskParity
{
    public const string Name = "risk-parity";

    public static StrategyDefinition Definition { get; } = new(
        Name,
        "Naive risk parity: BTC and ETH weighted in inverse proportion to their trailing volatility so each contributes the same risk, beside an optional fixed yield sleeve; rebalanced monthly.",
        "Maillard, Roncalli & Teiletche (2010), \"The Properties of Equally Weighted Risk Contribution Portfolios\", Journal of Portfolio Management 36(4)",
        [
            StrategyParameter.WholeNumber("window", "volatility window in bars", 90, 10, 365),
            StrategyParameter.Number("yield_weight", "fixed weight of the yield asset", 0, 0, 0.9),
            StrategyParameter.Choice("rebalance", "calendar rebalancing", "monthly", "daily", "weekly", "monthly", "quarterly"),
        ],
        Create);

    private static KernelStrategy Create(StrategyArguments args)
    {
        var window = args.WholeNumber("window");
        var yieldWeight = args.Number("yield_weight");
        var policy = RebalancePolicy.Every(Enum.Parse<RebalanceCalendar>(args.Choice("rebalance"), ignoreCase: true));
        return new KernelStrategy(Name, ["BTC", "ETH", BarDataBuilder.Yield], [], policy, window + 1, args.Values, ind =>
        {
            var btc = ind.AssetIndex("BTC");
            var eth = ind.AssetIndex("ETH");
            var y = ind.AssetIndex(BarDataBuilder.Yield);
            var vb = ind.Volatility("BTC", window);
            var ve = ind.Volatility("ETH", window);
            return new FuncKernel((view, target) =>
            {
                var b = view.Value(vb);
                var e = view.Value(ve);
                var risky = 1 - yieldWeight;
                target[y] = yieldWeight;
                if (!(b > 0) || !(e > 0))
                {
                    target[btc] = risky / 2;
                    target[eth] = risky / 2;
                    return;
                }

                var ib = 1 / b;
                var ie = 1 / e;
                target[btc] = risky * ib / (ib + ie);
                target[eth] = risky * ie / (ib + ie);
            });
        });
    }
}
