using TreasuryArena.Core.Nav;

namespace TreasuryArena.Core.Tests.Nav;

public sealed class LifecycleGatesTests
{
    private static readonly LifecycleOptions Options = new();

    // A BTC-like token: backtested worst drawdown 48% over two years → breaker limit 1.25 × 48% = 60% (the cap).
    private static readonly BreakerLimit BtcLike = BreakerLimit.Derive(new DateOnly(2017, 1, 1), new DateOnly(2018, 12, 31), 0.48m, Options);

    [Fact]
    public void EvaluateProving_AllGatesMet_Promotes()
    {
        var d = LifecycleGates.EvaluateProving(90, 0.5m, 0.30m, Options, limit: BtcLike);
        Assert.Equal(LifecycleAction.Promote, d.Action);
    }

    [Fact]
    public void Bug_18_EvaluateProving_DrawdownJudgedAgainstTheTokensOwnBreakerLimit()
    {
        Assert.Equal(0.60m, BtcLike.Limit);

        // A 45% paper drawdown is in character for a token whose backtest documents 48%: it promotes...
        var inCharacter = LifecycleGates.EvaluateProving(200, 0.8m, 0.45m, Options, limit: BtcLike);
        Assert.Equal(LifecycleAction.Promote, inCharacter.Action);
        Assert.Contains("≤ 60.0% (its breaker limit)", inCharacter.Reason, StringComparison.Ordinal);

        // ...a drawdown past its own limit is out of character: it keeps proving and says against what.
        var outOfCharacter = LifecycleGates.EvaluateProving(200, 0.8m, 0.61m, Options, limit: BtcLike);
        Assert.Equal(LifecycleAction.None, outOfCharacter.Action);
        Assert.Contains("max drawdown 61.0% > 60.0% (its breaker limit)", outOfCharacter.Reason, StringComparison.Ordinal);

        // A configured flat limit still overrides (the old 30% rule), and without a limit the breaker floor applies.
        var flat = LifecycleGates.EvaluateProving(200, 0.8m, 0.45m, Options with { MaxDrawdown = 0.30m }, limit: BtcLike);
        Assert.Contains("max drawdown 45.0% > 30.0% (configured limit)", flat.Reason, StringComparison.Ordinal);
        Assert.Contains("(the breaker floor)", LifecycleGates.EvaluateProving(200, 0.8m, 0.25m, Options).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Bug_16_EvaluateProving_UndefinedSharpe_StaysProvingWithTheReason()
    {
        var d = LifecycleGates.EvaluateProving(120, null, 0m, Options, "volatility of excess returns 0.0002% a year < 0.5%");

        Assert.Equal(LifecycleAction.None, d.Action);
        Assert.Equal("Still proving: Sharpe undefined (volatility of excess returns 0.0002% a year < 0.5%).", d.Reason);
    }

    [Fact]
    public void Options_Default_NinetyDayTrackRecord()
    {
        Assert.Equal(90, Options.MinProvingDays);
        Assert.Contains("track record 89 days < 90", LifecycleGates.EvaluateProving(89, 3m, 0.01m, Options).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(89, "0.9", "0.1", "track record")]
    [InlineData(90, "0.49", "0.1", "Sharpe")]
    [InlineData(90, "0.9", "0.31", "max drawdown")]
    public void EvaluateProving_OneGateMissed_StaysProvingAndSaysWhich(int days, string sharpe, string mdd, string failing)
    {
        var d = LifecycleGates.EvaluateProving(days, decimal.Parse(sharpe, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(mdd, System.Globalization.CultureInfo.InvariantCulture), Options);
        Assert.Equal(LifecycleAction.None, d.Action);
        Assert.Contains(failing, d.Reason, StringComparison.Ordinal);
    }

    // A token whose backtest's worst drawdown was 30%: its limit is 1.25 × 30% = 37.5% (the flat 20% breaker is gone).
    private static readonly BreakerLimit ThirtyPercentBacktest = BreakerLimit.Derive(new DateOnly(2019, 1, 1), new DateOnly(2020, 12, 31), 0.30m, Options);

    [Fact]
    public void EvaluateBreaker_AtItsOwnLimit_Pauses()
    {
        var d = LifecycleGates.EvaluateBreaker(new DateOnly(2022, 11, 9), 0.625m, 1m, new DateOnly(2022, 3, 1), ThirtyPercentBacktest);
        Assert.Equal(LifecycleAction.Pause, d.Action);
        Assert.Contains("2022-11-09", d.Reason, StringComparison.Ordinal);
        Assert.Contains("37.5% below its live peak 1 on 2022-03-01", d.Reason, StringComparison.Ordinal);
        Assert.Contains("1.25 × backtested worst drawdown 30.0% (2019-01-01→2020-12-31)", d.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateBreaker_JustAboveLimit_DoesNothing()
    {
        Assert.Equal(LifecycleAction.None, LifecycleGates.EvaluateBreaker(new DateOnly(2022, 11, 9), 0.6251m, 1m, null, ThirtyPercentBacktest).Action);
    }

    [Fact]
    public void EvaluateBreaker_TwentyPercentFall_NoLongerPausesATokenWhoseBacktestFellFurther()
    {
        // The former flat limit paused at 20%; a strategy documented to fall 30% is in character there.
        Assert.Equal(LifecycleAction.None, LifecycleGates.EvaluateBreaker(new DateOnly(2022, 11, 9), 0.8m, 1m, null, ThirtyPercentBacktest).Action);
    }

    [Fact]
    public void EvaluateBreaker_FloorLimit_PausesAtTwentyPercent()
    {
        var floor = BreakerLimit.Derive(null, null, null, Options);
        Assert.Equal(LifecycleAction.Pause, LifecycleGates.EvaluateBreaker(new DateOnly(2022, 11, 9), 0.8m, 1m, null, floor).Action);
        Assert.Equal(LifecycleAction.None, LifecycleGates.EvaluateBreaker(new DateOnly(2022, 11, 9), 0.8001m, 1m, null, floor).Action);
    }

    [Fact]
    public void EvaluateReview_HalfWayBackFromTheTrough_Resumes()
    {
        // Peak 1.00, trough 0.40: half the way back is 0.70.
        var day = new DateOnly(2023, 1, 10);
        Assert.Equal(0.70m, LifecycleGates.ResumeLevel(1m, 0.4m, Options));
        var d = LifecycleGates.EvaluateReview(day, 0.70m, 1m, 0.4m, day.AddDays(-20), Options);
        Assert.Equal(LifecycleAction.Resume, d.Action);
        Assert.Contains("recovered 50.0% of the way", d.Reason, StringComparison.Ordinal);
        Assert.Equal(LifecycleAction.None, LifecycleGates.EvaluateReview(day, 0.6999m, 1m, 0.4m, day.AddDays(-20), Options).Action);
    }

    [Fact]
    public void EvaluateReview_StillFalling_StaysPausedAndSaysWhatResumesIt()
    {
        // A new low today: neither rule is met.
        var day = new DateOnly(2023, 1, 10);
        var d = LifecycleGates.EvaluateReview(day, 0.4m, 1m, 0.4m, day, Options);
        Assert.Equal(LifecycleAction.None, d.Action);
        Assert.Contains("resumes at NAV 0.7", d.Reason, StringComparison.Ordinal);
        Assert.Contains("on 2023-04-10 if no new low", d.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateReview_NoNewLowForTheCoolingOff_Resumes()
    {
        var trough = new DateOnly(2023, 1, 10);
        Assert.Equal(LifecycleAction.None, LifecycleGates.EvaluateReview(trough.AddDays(89), 0.45m, 1m, 0.4m, trough, Options).Action);
        var d = LifecycleGates.EvaluateReview(trough.AddDays(90), 0.45m, 1m, 0.4m, trough, Options);
        Assert.Equal(LifecycleAction.Resume, d.Action);
        Assert.Contains("no new low for 90 days", d.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateReview_ConfiguredRule_IsUsed()
    {
        var o = new LifecycleOptions { ResumeRecoveryFraction = 0.25m, ResumeCoolingOffDays = 30 };
        var trough = new DateOnly(2023, 1, 10);
        Assert.Equal(LifecycleAction.Resume, LifecycleGates.EvaluateReview(trough.AddDays(5), 0.55m, 1m, 0.4m, trough, o).Action);
        Assert.Equal(LifecycleAction.Resume, LifecycleGates.EvaluateReview(trough.AddDays(30), 0.41m, 1m, 0.4m, trough, o).Action);
        Assert.Equal(LifecycleAction.None, LifecycleGates.EvaluateReview(trough.AddDays(29), 0.41m, 1m, 0.4m, trough, o).Action);
    }
}
