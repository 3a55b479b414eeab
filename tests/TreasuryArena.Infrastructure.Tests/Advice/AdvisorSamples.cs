using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Intelligence;

namespace TreasuryArena.Infrastructure.Tests.Advice;

internal static class AdvisorSamples
{
    public static readonly DateOnly Day = new(2021, 11, 10);

    public static AdvisorContext Context()
    {
        var portfolio = new PortfolioSnapshot(
            0m,
            [
                new PositionValue("BTC", "paper", AssetClass.Volatile, 150_000m),
                new PositionValue("ETH", "paper", AssetClass.Volatile, 40_000m),
                new PositionValue("AAVE-USDC", "aave", AssetClass.Yield, 90_000m),
                new PositionValue("PENDLE-PT", "pendle", AssetClass.Yield, 60_000m),
                new PositionValue("CURVE-LP", "curve", AssetClass.Yield, 60_000m),
            ],
            400_000m);
        var proposal = new RebalanceProposal(Day, "drift", [
            new TradeOrder("BTC", "paper", AssetClass.Volatile, OrderSide.Sell, 30_000m, 30m, 30m),
            new TradeOrder("AAVE-USDC", "aave", AssetClass.Yield, OrderSide.Buy, 29_000m, 15m, 15m),
        ]);
        var mvrv = new IndicatorReading("mvrv_z", 7.2, "history:btc-mvrv-zscore-daily-bmp", new DateTimeOffset(2021, 11, 9, 0, 0, 0, TimeSpan.Zero), false, TimeSpan.FromDays(1));
        return new AdvisorContext(
            Day,
            portfolio,
            [new AllocationLine("BTC", AssetClass.Volatile, 150_000m, 0.375m, 0.28m)],
            0.08m,
            0.05m,
            new MarketView("EUPHORIA", [mvrv], 0.20m, 50, ["MVRV Z 7.2 crossed 7.0"]),
            proposal,
            GuardrailLimits.Default,
            ["drift 8.0% is past the 5% band"],
            [new PastDecision(Day.AddDays(-30), DecisionKind.DailyAnalysis, DecisionAction.Rebalance, "claude", 70, -1, true, "acting was right")]);
    }
}
