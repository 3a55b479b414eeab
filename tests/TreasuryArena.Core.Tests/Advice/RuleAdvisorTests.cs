using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Tests.Advice;

public sealed class RuleAdvisorTests
{
    private readonly RuleAdvisor _advisor = new(new RuleAdvisorOptions(), new FakeTimeProvider());

    [Fact]
    public async Task AnalyzeDaily_DriftPastBandAndCheapPlan_Rebalances()
    {
        var d = await _advisor.AnalyzeDailyAsync(AdvisorContexts.Context(), CancellationToken.None);
        Assert.Equal(DecisionAction.Rebalance, d.Action);
        Assert.Equal("rules", d.Advisor);
        Assert.StartsWith("R6", d.Reasoning, StringComparison.Ordinal);
        Assert.Equal((int)((0.4m * 70) + (30m * 1.6m)), d.Confidence);
        Assert.Null(d.FallbackReason);
    }

    [Fact]
    public async Task AnalyzeDaily_EmptyProposal_Holds()
    {
        var empty = AdvisorContexts.Proposal() with { Orders = [] };
        var d = await _advisor.AnalyzeDailyAsync(AdvisorContexts.Context(drift: 0.01m, proposal: empty, triggers: []), CancellationToken.None);
        Assert.Equal(DecisionAction.Hold, d.Action);
        Assert.StartsWith("R2", d.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeDaily_CostsAboveBenefit_Holds()
    {
        var expensive = new RebalanceProposal(AdvisorContexts.Day, "drift", [new TradeOrder("BTC", "paper", AssetClass.Volatile, OrderSide.Sell, 30_000m, 900m, 900m)]);
        var d = await _advisor.AnalyzeDailyAsync(AdvisorContexts.Context(drift: 0.06m, proposal: expensive), CancellationToken.None);
        Assert.Equal(DecisionAction.Hold, d.Action);
        Assert.StartsWith("R3", d.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeDaily_OppositeMoveInsideCoolDown_HoldsAgainstFlipFlopping()
    {
        var recent = new[] { new PastDecision(AdvisorContexts.Day.AddDays(-3), DecisionKind.DailyAnalysis, DecisionAction.Rebalance, "rules", 70, +1, null, null) };
        var d = await _advisor.AnalyzeDailyAsync(AdvisorContexts.Context(recent: recent), CancellationToken.None);
        Assert.Equal(DecisionAction.Hold, d.Action);
        Assert.StartsWith("R4", d.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeDaily_OppositeMoveAfterCoolDown_Acts()
    {
        var recent = new[] { new PastDecision(AdvisorContexts.Day.AddDays(-8), DecisionKind.DailyAnalysis, DecisionAction.Rebalance, "rules", 70, +1, null, null) };
        var d = await _advisor.AnalyzeDailyAsync(AdvisorContexts.Context(recent: recent), CancellationToken.None);
        Assert.Equal(DecisionAction.Rebalance, d.Action);
    }

    [Fact]
    public async Task AnalyzeDaily_OppositeMoveButDriftPastTwiceBand_Acts()
    {
        var recent = new[] { new PastDecision(AdvisorContexts.Day.AddDays(-2), DecisionKind.DailyAnalysis, DecisionAction.Rebalance, "rules", 70, +1, null, null) };
        var d = await _advisor.AnalyzeDailyAsync(AdvisorContexts.Context(drift: 0.12m, recent: recent), CancellationToken.None);
        Assert.Equal(DecisionAction.Rebalance, d.Action);
    }

    [Fact]
    public async Task AnalyzeDaily_WeakSignalInsideBand_Holds()
    {
        var d = await _advisor.AnalyzeDailyAsync(AdvisorContexts.Context(drift: 0.03m, signalConfidence: 20, triggers: ["mvrv crossed 5.0"]), CancellationToken.None);
        Assert.Equal(DecisionAction.Hold, d.Action);
        Assert.StartsWith("R5", d.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewRebalance_MediumConfidence_ShrinksToHalf()
    {
        var d = await _advisor.ReviewRebalanceAsync(AdvisorContexts.Context(signalConfidence: 50), CancellationToken.None);
        Assert.Equal(DecisionAction.Shrink, d.Action);
        Assert.Equal(0.5m, d.Adjustments!.Scale);
    }

    [Fact]
    public async Task ReviewRebalance_EmergencyTrigger_Approves()
    {
        var d = await _advisor.ReviewRebalanceAsync(AdvisorContexts.Context(triggers: ["emergency btc_crash: BTC -18% in 24h"]), CancellationToken.None);
        Assert.Equal(DecisionAction.Approve, d.Action);
        Assert.StartsWith("R1", d.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssessEmergency_WithTacticalHoldings_DeRisks()
    {
        var d = await _advisor.AssessEmergencyAsync(AdvisorContexts.Context(), new EmergencyEvent("btc_crash", "BTC fell 18% in 24h"), CancellationToken.None);
        Assert.Equal(DecisionAction.DeRisk, d.Action);
        Assert.Equal(DecisionKind.EmergencyAssessment, d.Kind);
    }

    [Fact]
    public async Task ReviewWeek_WithScorecards_ReportsHitRate()
    {
        var card = new AdvisorScorecard("rules", 10, 4, 3, 0.75, 60, 0.2, [new CalibrationBucket(60, 80, 4, 65, 0.75)]);
        var input = new WeeklyReviewInput(AdvisorContexts.Day.AddDays(-7), AdvisorContexts.Day, 410_000m, 0.01, 0.005, 0.03, [card]);
        var d = await _advisor.ReviewWeekAsync(input, CancellationToken.None);
        Assert.Equal(DecisionAction.Acknowledge, d.Action);
        Assert.Contains("3 of 4 scored calls right (75.0%)", d.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeDaily_AfterWrongScoredCalls_LowersItsConfidence()
    {
        var baseline = await _advisor.AnalyzeDailyAsync(AdvisorContexts.Context(), CancellationToken.None);
        var wrong = Enumerable.Range(1, 10)
            .Select(i => new PastDecision(AdvisorContexts.Day.AddDays(-30 - i), DecisionKind.DailyAnalysis, DecisionAction.Rebalance, "rules", 90, 0, false, "wrong"))
            .ToList();
        var calibrated = await _advisor.AnalyzeDailyAsync(AdvisorContexts.Context(recent: wrong), CancellationToken.None);

        Assert.Equal(baseline.Action, calibrated.Action);
        // w = 10 / (10 + 10) = 0.5: half the raw confidence, half the 0% hit rate.
        Assert.Equal((int)Math.Round(baseline.Confidence * 0.5m, MidpointRounding.AwayFromZero), calibrated.Confidence);
        Assert.Contains("0 of my last 10 scored calls were right", calibrated.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeDaily_OtherAdvisorsRecord_DoesNotCalibrateTheRules()
    {
        var baseline = await _advisor.AnalyzeDailyAsync(AdvisorContexts.Context(), CancellationToken.None);
        var claudeWrong = new[] { new PastDecision(AdvisorContexts.Day.AddDays(-40), DecisionKind.DailyAnalysis, DecisionAction.Hold, "claude", 90, 0, false, "wrong") };
        var d = await _advisor.AnalyzeDailyAsync(AdvisorContexts.Context(recent: claudeWrong), CancellationToken.None);
        Assert.Equal(baseline.Confidence, d.Confidence);
    }

    [Fact]
    public void Decision_ConfidenceOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Decision(DecisionKind.DailyAnalysis, DecisionAction.Hold, "x", 101, "rules"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Decision(DecisionKind.DailyAnalysis, DecisionAction.Hold, "x", -1, "rules"));
    }
}
