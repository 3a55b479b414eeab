using TreasuryArena.Core.Evaluation;
using TreasuryArena.Core.Quant;

namespace TreasuryArena.Core.Tests.Evaluation;

public sealed class BlockBootstrapTests
{
    private static double[] Noise(int n, double drift, double vol, int seed)
    {
        var r = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => drift + (vol * ((r.NextDouble() * 2) - 1))).ToArray();
    }

    [Fact]
    public void ExcessCagr_Value_IsTheDifferenceOfTheSampleCagrs()
    {
        var a = Noise(730, 0.001, 0.02, 1);
        var b = Noise(730, 0.0002, 0.02, 2);
        var e = BlockBootstrap.ExcessCagr(a, b, 21, 500, 17, 0.95);
        Assert.Equal(PerformanceMetrics.Cagr(a, 365) - PerformanceMetrics.Cagr(b, 365), e.Value!.Value, 12);
        Assert.True(e.CiLow < e.Value && e.Value < e.CiHigh, $"{e.CiLow} < {e.Value} < {e.CiHigh}");
    }

    [Fact]
    public void ExcessCagr_SameSeed_SameInterval_OtherSeedDiffers()
    {
        var a = Noise(500, 0.001, 0.03, 3);
        var b = Noise(500, 0.0, 0.03, 4);
        var x = BlockBootstrap.ExcessCagr(a, b, 21, 400, 17, 0.95);
        var y = BlockBootstrap.ExcessCagr(a, b, 21, 400, 17, 0.95);
        var z = BlockBootstrap.ExcessCagr(a, b, 21, 400, 18, 0.95);
        Assert.Equal(x, y);
        Assert.NotEqual(x.CiLow, z.CiLow);
    }

    [Fact]
    public void ExcessCagr_IdenticalSeries_ZeroWithZeroWidthInterval()
    {
        var a = Noise(400, 0.001, 0.02, 5);
        var e = BlockBootstrap.ExcessCagr(a, a, 10, 200, 1, 0.9);
        Assert.Equal(0, e.Value);
        Assert.Equal(0, e.CiLow);
        Assert.Equal(0, e.CiHigh);
    }

    [Fact]
    public void ExcessCagr_ClearlyBetterSeries_IntervalAboveZero()
    {
        var b = Noise(1000, 0.0, 0.01, 6);
        var a = b.Select(x => x + 0.001).ToArray(); // +0.1% a day on the same noise: ~44% a year better
        var e = BlockBootstrap.ExcessCagr(a, b, 21, 1000, 17, 0.95);
        Assert.True(e.CiLow > 0.3, $"ci_low {e.CiLow}");
    }

    [Fact]
    public void ExcessCagr_TooFewReturns_NoInterval()
    {
        var a = Noise(30, 0.001, 0.02, 7);
        var e = BlockBootstrap.ExcessCagr(a, a, 21, 200, 1, 0.95);
        Assert.NotNull(e.Value);
        Assert.Null(e.CiLow);
        Assert.Null(e.CiHigh);
        Assert.Contains("not estimated", e.Method, StringComparison.Ordinal);
    }
}
