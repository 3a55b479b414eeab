using TreasuryArena.Core.Intelligence;

namespace TreasuryArena.Core.Tests.Intelligence;

public sealed class PhaseRulesTests
{
    [Fact]
    public void Classify_ModerateValuationAboveMa_IsEarlyBull()
    {
        var a = PhaseRules.Classify(Snapshots.Neutral());

        Assert.Equal(MarketPhase.EarlyBull, a.Phase);
        Assert.Equal("early_bull.above_ma200", a.Rule);
        Assert.Empty(a.MissingInputs);
    }

    [Fact]
    public void Classify_MvrvAtSevenOnItsOwn_IsTop()
    {
        var a = PhaseRules.Classify(Snapshots.Neutral((IndicatorNames.MvrvZ, 7.0), (IndicatorNames.BtcDrawdown365, -0.30)));

        Assert.Equal(MarketPhase.Top, a.Phase);
        Assert.Equal("top.mvrv_extreme", a.Rule);
        Assert.Contains(a.Evidence, e => e.Indicator == IndicatorNames.MvrvZ && e.Met && e.Value == 7.0);
    }

    [Fact]
    public void Classify_MvrvFiveFarFromHigh_IsEuphoriaNotTop()
    {
        var a = PhaseRules.Classify(Snapshots.Neutral((IndicatorNames.MvrvZ, 5.5), (IndicatorNames.BtcDrawdown365, -0.20)));

        Assert.Equal(MarketPhase.Euphoria, a.Phase);
    }

    [Fact]
    public void Classify_LeverageBlowOffNearHigh_IsTop()
    {
        var a = PhaseRules.Classify(Snapshots.Neutral(
            (IndicatorNames.MvrvZ, 3.2),
            (IndicatorNames.FearGreed, 80),
            (IndicatorNames.BtcDrawdown365, -0.01),
            (IndicatorNames.FundingRateAnnualised, 0.45)));

        Assert.Equal(MarketPhase.Top, a.Phase);
        Assert.Equal("top.leverage_blow_off", a.Rule);
        Assert.Equal(4, a.Evidence.Count(e => e.Clause == "top.leverage_blow_off"));
    }

    [Fact]
    public void Classify_BlowOffWithoutFunding_DoesNotHoldAndReportsMissing()
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [IndicatorNames.MvrvZ] = 3.2,
            [IndicatorNames.FearGreed] = 80,
            [IndicatorNames.BtcDrawdown365] = -0.01,
            [IndicatorNames.MayerMultiple] = 1.1,
        };

        var a = PhaseRules.Classify(Snapshots.With(values));

        Assert.Equal(MarketPhase.EarlyBull, a.Phase);
        Assert.Contains(IndicatorNames.FundingRateAnnualised, a.MissingInputs);
        Assert.Equal(65 - 15, a.Confidence);
    }

    [Fact]
    public void Classify_LowMvrv_IsAccumulation()
    {
        var a = PhaseRules.Classify(Snapshots.Neutral((IndicatorNames.MvrvZ, -0.3), (IndicatorNames.MayerMultiple, 0.6), (IndicatorNames.BtcDrawdown365, -0.75)));

        Assert.Equal(MarketPhase.Accumulation, a.Phase);
        Assert.Equal("accumulation.mvrv", a.Rule);
        Assert.Contains("accumulation.deep_drawdown", a.CorroboratingClauses);
        Assert.Equal(80, a.Confidence);
    }

    [Fact]
    public void Classify_BelowMaWithModerateMvrv_IsBear()
    {
        var a = PhaseRules.Classify(Snapshots.Neutral((IndicatorNames.MayerMultiple, 0.9), (IndicatorNames.MvrvZ, 1.2)));

        Assert.Equal(MarketPhase.Bear, a.Phase);
    }

    [Fact]
    public void Classify_NothingKnown_DefaultsWithZeroConfidence()
    {
        var a = PhaseRules.Classify(Snapshots.With(new Dictionary<string, double>()));

        Assert.Equal(MarketPhase.EarlyBull, a.Phase);
        Assert.Equal("default", a.Rule);
        Assert.Equal(0, a.Confidence);
        Assert.Equal(PhaseRules.KeyInputs.Count, a.MissingInputs.Count);
    }

    [Fact]
    public void Classify_InputOlderThanMaxAge_IsIgnored()
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal) { [IndicatorNames.MvrvZ] = 8.0 };

        var old = PhaseRules.Classify(Snapshots.With(values, TimeSpan.FromDays(30), stale: true));
        var recentStale = PhaseRules.Classify(Snapshots.With(values, TimeSpan.FromDays(3), stale: true));

        Assert.NotEqual(MarketPhase.Top, old.Phase);
        Assert.Equal(MarketPhase.Top, recentStale.Phase);
        Assert.Contains(IndicatorNames.MvrvZ, recentStale.StaleInputs);
    }

    [Fact]
    public void Classify_CustomThreshold_ChangesDecision()
    {
        var s = Snapshots.Neutral((IndicatorNames.MvrvZ, 6.0), (IndicatorNames.BtcDrawdown365, -0.3));

        Assert.Equal(MarketPhase.Euphoria, PhaseRules.Classify(s).Phase);
        Assert.Equal(MarketPhase.Top, PhaseRules.Classify(s, PhaseSettings.Default with { TopMvrvZ = 6.0 }).Phase);
    }

    [Theory]
    [InlineData("ACCUMULATION", MarketPhase.Accumulation)]
    [InlineData("early_bull", MarketPhase.EarlyBull)]
    [InlineData("TOP", MarketPhase.Top)]
    public void MarketPhaseNames_RoundTrip(string text, MarketPhase expected)
    {
        Assert.True(MarketPhaseNames.TryParse(text, out var p));
        Assert.Equal(expected, p);
        Assert.Equal(text.ToUpperInvariant(), p.ToWire());
    }
}
