using FsCheck;
using FsCheck.Fluent;
using TreasuryArena.Core.Intelligence;

namespace TreasuryArena.Core.Tests.Intelligence;

public sealed class SignalRulesTests
{
    private static AllocationSignal Signal(MarketSnapshot s, SignalSettings? settings = null) =>
        SignalRules.Derive(s, PhaseRules.Classify(s), settings);

    [Fact]
    public void Derive_NeutralMarket_IsSixtyForty()
    {
        var g = Signal(Snapshots.Neutral());

        Assert.Equal(0.60, g.Base, 10);
        Assert.Equal(0.40, g.Tactical, 10);
        Assert.Equal(0.28, g.Btc, 10);
        Assert.Equal(0.12, g.Eth, 10);
        Assert.Equal(0, g.MvrvRung);
    }

    [Theory]
    [InlineData(3.4, 0, 0.40)]
    [InlineData(3.5, 1, 0.30)]
    [InlineData(5.0, 2, 0.20)]
    [InlineData(7.2, 3, 0.10)]
    [InlineData(9.5, 4, 0.00)]
    public void Derive_MvrvLadder_CutsTacticalPerRung(double z, int rung, double tactical)
    {
        var g = Signal(Snapshots.Neutral((IndicatorNames.MvrvZ, z), (IndicatorNames.BtcDrawdown365, -0.3)));

        Assert.Equal(rung, g.MvrvRung);
        Assert.Equal(tactical, g.Tactical, 10);
        Assert.Contains(g.Reasons, r => rung == 0 || r.Contains($"rung {rung} of 4", StringComparison.Ordinal));
    }

    [Fact]
    public void Derive_ConfiguredLadder_UsesConfiguredThresholds()
    {
        var settings = SignalSettings.Default with { MvrvThresholds = [2.0, 3.0] , LadderSellFraction = 0.5 };

        var g = Signal(Snapshots.Neutral((IndicatorNames.MvrvZ, 2.5)), settings);

        Assert.Equal(1, g.MvrvRung);
        Assert.Equal(0.20, g.Tactical, 10);
    }

    [Fact]
    public void Derive_ExtremeFearInAccumulation_AddsBothTilts()
    {
        var g = Signal(Snapshots.Neutral((IndicatorNames.MvrvZ, 0.1), (IndicatorNames.FearGreed, 10)));

        Assert.Equal(MarketPhase.Accumulation, g.Phase);
        Assert.Equal(FearGreedZone.ExtremeFear, g.FearGreedZone);
        Assert.Equal(0.50, g.Tactical, 10); // 0.40 + 0.10 + 0.05 clamped to the 0.50 maximum
        Assert.Contains(g.Reasons, r => r.Contains("clamped", StringComparison.Ordinal));
    }

    [Fact]
    public void Derive_ExtremeGreed_CutsTactical()
    {
        var g = Signal(Snapshots.Neutral((IndicatorNames.FearGreed, 80), (IndicatorNames.MayerMultiple, 1.1)));

        Assert.Equal(0.35, g.Tactical, 10);
    }

    [Fact]
    public void Derive_EthMomentum_RaisesEthShare()
    {
        var g = Signal(Snapshots.Neutral((IndicatorNames.EthChange30d, 0.30), (IndicatorNames.BtcChange30d, 0.05)));

        Assert.Equal(0.40 * 0.60, g.Btc, 10);
        Assert.Equal(0.40 * 0.40, g.Eth, 10);
    }

    [Fact]
    public void Validate_DescendingLadder_Throws()
    {
        var settings = SignalSettings.Default with { MvrvThresholds = [5.0, 3.5] };

        Assert.Throws<ArgumentException>(settings.Validate);
    }

    [Fact]
    public void Derive_AnyInputs_WeightsAreConsistent()
    {
        var gen =
            from z in Gen.Choose(-100, 1200)
            from mayer in Gen.Choose(30, 400)
            from fg in Gen.Choose(0, 100)
            from dd in Gen.Choose(-95, 0)
            from f in Gen.Choose(-50, 150)
            select Snapshots.Neutral(
                (IndicatorNames.MvrvZ, z / 100.0),
                (IndicatorNames.MayerMultiple, mayer / 100.0),
                (IndicatorNames.FearGreed, fg),
                (IndicatorNames.BtcDrawdown365, dd / 100.0),
                (IndicatorNames.FundingRateAnnualised, f / 100.0));

        Prop.ForAll(gen.ToArbitrary(), s =>
        {
            var g = Signal(s);
            return Math.Abs(g.Base + g.Tactical - 1) < 1e-9
                && Math.Abs(g.Btc + g.Eth - g.Tactical) < 1e-9
                && g.Tactical >= 0 && g.Tactical <= SignalSettings.Default.MaxTactical
                && g.Btc >= 0 && g.Eth >= 0
                && g.Confidence is >= 0 and <= 100;
        }).QuickCheckThrowOnFailure();
    }
}
