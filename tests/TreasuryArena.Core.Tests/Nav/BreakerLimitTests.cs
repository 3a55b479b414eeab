using TreasuryArena.Core.Nav;

namespace TreasuryArena.Core.Tests.Nav;

public sealed class BreakerLimitTests
{
    private static readonly LifecycleOptions Options = new();
    private static readonly DateOnly From = new(2019, 1, 1);
    private static readonly DateOnly To = new(2020, 12, 31);

    [Fact]
    public void Derive_WithinBounds_IsTheMultipleOfTheBacktestedWorstDrawdown()
    {
        var l = BreakerLimit.Derive(From, To, 0.30m, Options);

        Assert.Equal(0.375m, l.Limit);
        Assert.Equal(BreakerLimitSource.Backtest, l.Source);
        Assert.Equal(0.30m, l.BacktestMaxDrawdown);
        Assert.Equal((From, To), (l.WindowFrom!.Value, l.WindowTo!.Value));
        Assert.Equal((1.25m, 0.20m, 0.60m), (l.Multiple, l.Floor, l.Cap));
        Assert.Equal("breaker 37.5% = 1.25 × backtested worst drawdown 30.0% (2019-01-01→2020-12-31)", l.Describe());
    }

    [Fact]
    public void Derive_SmallBacktestDrawdown_IsFlooredAndSaysSo()
    {
        var l = BreakerLimit.Derive(From, To, 0.08m, Options);

        Assert.Equal(0.20m, l.Limit);
        Assert.Equal(BreakerLimitSource.Floor, l.Source);
        Assert.Equal("floor", l.SourceName);
        Assert.Equal("breaker 20.0% = the floor (1.25 × backtested worst drawdown 8.0% (2019-01-01→2020-12-31) = 10.0% is below it)", l.Describe());
    }

    [Fact]
    public void Derive_DeepBacktestDrawdown_IsCappedAndSaysSo()
    {
        var l = BreakerLimit.Derive(From, To, 0.9318m, Options);

        Assert.Equal(0.60m, l.Limit);
        Assert.Equal(BreakerLimitSource.Cap, l.Source);
        Assert.Contains("= 116.5% is above it", l.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_NegativeDrawdownConvention_IsTheSameLimit()
    {
        Assert.Equal(0.375m, BreakerLimit.Derive(From, To, -0.30m, Options).Limit);
    }

    [Fact]
    public void Derive_BacktestShorterThanAYear_IsTheFloor()
    {
        var l = BreakerLimit.Derive(new DateOnly(2020, 3, 1), To, 0.45m, Options);

        Assert.Equal(0.20m, l.Limit);
        Assert.Equal(BreakerLimitSource.ShortBacktest, l.Source);
        Assert.Equal(0.45m, l.BacktestMaxDrawdown);
    }

    [Fact]
    public void Derive_NoBacktest_IsTheFloor()
    {
        var l = BreakerLimit.Derive(null, null, null, Options);

        Assert.Equal((0.20m, BreakerLimitSource.NoBacktest, "no_backtest"), (l.Limit, l.Source, l.SourceName));
        Assert.Null(l.BacktestMaxDrawdown);
    }

    [Fact]
    public void Derive_ConfiguredMultipleFloorAndCap_AreUsedAndRecorded()
    {
        var o = new LifecycleOptions { BreakerMultiple = 1.5m, BreakerFloor = 0.25m, BreakerCap = 0.50m };

        Assert.Equal(0.45m, BreakerLimit.Derive(From, To, 0.30m, o).Limit);
        Assert.Equal(0.25m, BreakerLimit.Derive(From, To, 0.10m, o).Limit);
        var capped = BreakerLimit.Derive(From, To, 0.40m, o);
        Assert.Equal((0.50m, 1.5m, 0.25m, 0.50m), (capped.Limit, capped.Multiple, capped.Floor, capped.Cap));
    }

    [Fact]
    public void Derive_FloorAboveCap_Throws()
    {
        Assert.Throws<ArgumentException>(() => BreakerLimit.Derive(From, To, 0.3m, new LifecycleOptions { BreakerFloor = 0.7m, BreakerCap = 0.6m }));
    }

    [Fact]
    public void FromStoredBacktest_IssuerDocument_UsesItsWindowAndWorstDrawdown()
    {
        // The issuer stores max_drawdown as the quant library's depth (≤ 0).
        var l = BreakerLimit.FromStoredBacktest("""{"strategy":"ma-trend","from":"2019-01-01","to":"2020-12-31","max_drawdown":-0.3,"sharpe":1.1}""", Options);

        Assert.Equal(0.375m, l.Limit);
        Assert.Equal(BreakerLimitSource.Backtest, l.Source);
        Assert.Equal(From, l.WindowFrom);
    }

    [Fact]
    public void FromStoredBacktest_NoteInsteadOfABacktest_IsNoBacktest()
    {
        var l = BreakerLimit.FromStoredBacktest("""{"note":"not enough history before inception for a backtest"}""", Options);
        Assert.Equal(BreakerLimitSource.NoBacktest, l.Source);
        Assert.Equal(BreakerLimitSource.NoBacktest, BreakerLimit.FromStoredBacktest(null, Options).Source);
    }
}
