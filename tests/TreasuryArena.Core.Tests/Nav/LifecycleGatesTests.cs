using TreasuryArena.Core.Nav;

namespace TreasuryArena.Core.Tests.Nav;

public sealed class LifecycleGatesTests
{
    private static readonly LifecycleOptions Options = new();

    [Fact]
    public void EvaluateProving_AllGatesMet_Promotes()
    {
        var d = LifecycleGates.EvaluateProving(90, 0.5m, 0.30m, Options);
        Assert.Equal(LifecycleAction.Promote, d.Action);
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

    [Fact]
    public void EvaluateBreaker_TwentyPercentBelowPeak_Pauses()
    {
        var d = LifecycleGates.EvaluateBreaker(new DateOnly(2022, 11, 9), 0.8m, 1m, Options);
        Assert.Equal(LifecycleAction.Pause, d.Action);
        Assert.Contains("2022-11-09", d.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateBreaker_JustAboveLimit_DoesNothing()
    {
        Assert.Equal(LifecycleAction.None, LifecycleGates.EvaluateBreaker(new DateOnly(2022, 11, 9), 0.8001m, 1m, Options).Action);
    }
}
