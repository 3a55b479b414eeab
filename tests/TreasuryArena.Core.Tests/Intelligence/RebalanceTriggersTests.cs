using TreasuryArena.Core.Intelligence;

namespace TreasuryArena.Core.Tests.Intelligence;

public sealed class RebalanceTriggersTests
{
    private static readonly AllocationSignal Target = new(0.6, 0.4, 0.28, 0.12, 80, [], MarketPhase.EarlyBull, 0, FearGreedZone.Neutral);

    [Fact]
    public void Evaluate_OnTarget_NoTriggers()
    {
        var t = RebalanceTriggers.Evaluate(Snapshots.Neutral(), Target, AllocationState.From(Target), []);

        Assert.Empty(t);
    }

    [Fact]
    public void Evaluate_DriftAboveFivePercent_Triggers()
    {
        var current = new AllocationState(0.54, 0.34, 0.12, DecisionMarker.From(Target)); // drift 6%

        var t = RebalanceTriggers.Evaluate(Snapshots.Neutral(), Target, current, []);

        var drift = Assert.Single(t);
        Assert.Equal(TriggerKind.Drift, drift.Kind);
        Assert.Equal(0.06, RebalanceTriggers.Drift(current, Target), 10);
    }

    [Fact]
    public void Evaluate_DriftExactlyFivePercent_DoesNotTrigger()
    {
        var current = new AllocationState(0.55, 0.33, 0.12, DecisionMarker.From(Target));

        Assert.Empty(RebalanceTriggers.Evaluate(Snapshots.Neutral(), Target, current, []));
    }

    [Fact]
    public void Evaluate_BtcCrash_IsEmergencyEvenWithoutAllocation()
    {
        var t = RebalanceTriggers.Evaluate(Snapshots.Neutral((IndicatorNames.BtcChange24h, -0.16)), Target, null, []);

        Assert.Equal("btc_crash_24h", Assert.Single(t).Code);
    }

    [Fact]
    public void Evaluate_ExploitAlert_IsEmergency()
    {
        var alert = new SecurityAlert("test-feed", "aave-v3", "oracle manipulation", Snapshots.At);

        var t = RebalanceTriggers.Evaluate(Snapshots.Neutral(), Target, null, [alert]);

        var e = Assert.Single(t);
        Assert.Equal(TriggerKind.Emergency, e.Kind);
        Assert.Contains("aave-v3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RungAndPhaseChangedSinceLastDecision_ThresholdCrossed()
    {
        var target = Target with { Phase = MarketPhase.Euphoria, MvrvRung = 1 };
        var current = AllocationState.From(Target);

        var t = RebalanceTriggers.Evaluate(Snapshots.Neutral(), target, current, []);

        Assert.Contains(t, x => x.Kind == TriggerKind.ThresholdCrossed && x.Code == "mvrv_rung");
        Assert.Contains(t, x => x.Kind == TriggerKind.ThresholdCrossed && x.Code == "phase");
    }

    [Fact]
    public void Evaluate_WeightsNotSummingToOne_Throws()
    {
        var current = new AllocationState(0.5, 0.3, 0.1, null);

        Assert.Throws<ArgumentException>(() => RebalanceTriggers.Evaluate(Snapshots.Neutral(), Target, current, []));
    }
}
