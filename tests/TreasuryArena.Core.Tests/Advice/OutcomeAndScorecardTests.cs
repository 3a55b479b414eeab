using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Tests.Advice;

public sealed class OutcomeAndScorecardTests
{
    private static readonly Dictionary<string, decimal> PricesThen = new() { ["BTC"] = 100m, ["AAVE-USDC"] = 1m };

    private static JournalEntry Entry(DecisionAction action, int confidence = 70, string advisor = "rules")
    {
        var portfolio = new PortfolioSnapshot(0m, [new PositionValue("BTC", "paper", AssetClass.Volatile, 100_000m), new PositionValue("AAVE-USDC", "aave", AssetClass.Yield, 100_000m)], 200_000m);
        var orders = new[]
        {
            new TradeOrder("BTC", "paper", AssetClass.Volatile, OrderSide.Sell, 20_000m, 20m, 20m),
            new TradeOrder("AAVE-USDC", "aave", AssetClass.Yield, OrderSide.Buy, 19_000m, 10m, 10m),
        };
        var decision = new Decision(DecisionKind.DailyAnalysis, action, "test", confidence, advisor);
        return new JournalEntry
        {
            RecordedAt = DateTimeOffset.UnixEpoch,
            AsOf = new DateOnly(2024, 1, 1),
            Decision = decision,
            Inputs = "{}",
            PortfolioBefore = portfolio,
            Prices = new Dictionary<string, decimal> { ["BTC"] = 50m, ["AAVE-USDC"] = 1m },
            Candidate = orders,
            Approved = decision.Acts ? orders : [],
        };
    }

    [Fact]
    public void Evaluate_SoldBeforePriceDoubled_ActingWasWrong()
    {
        var outcome = OutcomeEvaluator.Evaluate(Entry(DecisionAction.Rebalance), PricesThen, new DateOnly(2024, 1, 31));
        Assert.Equal(300_000m, outcome.ValueIfNot);
        // Sold 20k of BTC (worth 40k later), received 19,960 cash, spent 19,020 on AAVE (worth 19,000).
        Assert.Equal(300_000m - 40_000m + 19_960m - 19_020m + 19_000m, outcome.ValueIfActed);
        Assert.True(outcome.Acted);
        Assert.False(outcome.Right);
    }

    [Fact]
    public void Evaluate_HeldBeforePriceDoubled_HoldingWasRight()
    {
        var outcome = OutcomeEvaluator.Evaluate(Entry(DecisionAction.Hold), PricesThen, new DateOnly(2024, 1, 31));
        Assert.False(outcome.Acted);
        Assert.True(outcome.Right);
    }

    [Fact]
    public void Evaluate_NoOrdersEitherWay_IsNotScored()
    {
        var entry = Entry(DecisionAction.Hold) with { Candidate = [] };
        Assert.Null(OutcomeEvaluator.Evaluate(entry, PricesThen, new DateOnly(2024, 1, 31)).Right);
    }

    [Fact]
    public void Compute_MixedOutcomes_GivesHitRateBrierAndBuckets()
    {
        var day = new DateOnly(2024, 2, 1);
        JournalEntry Scored(int confidence, bool right, string advisor = "rules") =>
            Entry(DecisionAction.Hold, confidence, advisor) with { Outcome = new DecisionOutcome(day, 0m, 0m, false, right, "") };
        var entries = new[]
        {
            Scored(90, true), Scored(90, false), Scored(30, true), Scored(50, true, "claude"),
            Entry(DecisionAction.Hold, 10),
        };
        var cards = AdvisorScorecards.Compute(entries);
        var rules = cards.Single(c => c.Advisor == "rules");
        Assert.Equal(4, rules.Decisions);
        Assert.Equal(3, rules.Scored);
        Assert.Equal(2.0 / 3.0, rules.HitRate!.Value, 10);
        Assert.Equal((0.01 + 0.81 + 0.49) / 3.0, rules.BrierScore!.Value, 10);
        Assert.Equal([20, 80], rules.Calibration.Select(b => b.From));
        Assert.Equal(0.5, rules.Calibration.Single(b => b.From == 80).HitRate);
        Assert.Equal(1, cards.Single(c => c.Advisor == "claude").Scored);
    }
}
