using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Intelligence;

namespace TreasuryArena.Core.Tests.Advice;

/// <summary>Builders for advisor contexts in tests.</summary>
internal static class AdvisorContexts
{
    public static readonly DateOnly Day = new(2024, 3, 1);

    public static PortfolioSnapshot Portfolio() => new(
        0m,
        [
            new PositionValue("BTC", "paper", AssetClass.Volatile, 150_000m),
            new PositionValue("ETH", "paper", AssetClass.Volatile, 40_000m),
            new PositionValue("AAVE-USDC", "aave", AssetClass.Yield, 90_000m),
            new PositionValue("PENDLE-PT", "pendle", AssetClass.Yield, 60_000m),
            new PositionValue("CURVE-LP", "curve", AssetClass.Yield, 60_000m),
        ],
        400_000m);

    public static RebalanceProposal Proposal(int direction = -1)
    {
        var side = direction < 0 ? OrderSide.Sell : OrderSide.Buy;
        var other = direction < 0 ? OrderSide.Buy : OrderSide.Sell;
        return new RebalanceProposal(Day, "drift", [
            new TradeOrder("BTC", "paper", AssetClass.Volatile, side, 30_000m, 30m, 30m),
            new TradeOrder("AAVE-USDC", "aave", AssetClass.Yield, other, 30_000m, 15m, 15m),
        ]);
    }

    public static AdvisorContext Context(
        decimal drift = 0.08m,
        int signalConfidence = 70,
        RebalanceProposal? proposal = null,
        IReadOnlyList<string>? triggers = null,
        IReadOnlyList<PastDecision>? recent = null) =>
        new(
            Day,
            Portfolio(),
            [],
            drift,
            0.05m,
            new MarketView("EUPHORIA", [new IndicatorReading("mvrv_z", 6.1, "history", new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), false, TimeSpan.Zero)], 0.20m, signalConfidence, ["MVRV Z-score 6.1 crossed 5.0"]),
            proposal ?? Proposal(),
            GuardrailLimits.Default,
            triggers ?? ["drift 8.0% is past the 5% band"],
            recent ?? []);
}
