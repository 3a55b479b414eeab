using FsCheck;
using FsCheck.Fluent;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Infrastructure.MarketData;
using TreasuryArena.Infrastructure.MarketData.History;

namespace TreasuryArena.Infrastructure.Tests.MarketData;

public sealed class HistoryMarketDataProviderTests
{
    private static readonly MarketHistory Shipped = HistoryLoader.Load(HistoryLocator.Find());
    private static readonly HistoryMarketDataProvider Provider = new(Shipped);

    private static PhaseAssessment PhaseOn(string date) =>
        PhaseRules.Classify(Provider.Snapshot(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2017-12-16")] // the Dec 2017 top (highest close)
    [InlineData("2017-12-17")]
    public void Phase_Dec2017Top_IsTop(string date)
    {
        var a = PhaseOn(date);

        Assert.Equal(MarketPhase.Top, a.Phase);
        Assert.Equal("top.mvrv_extreme", a.Rule);
        Assert.Contains(IndicatorNames.FearGreed, a.MissingInputs); // the index starts in Feb 2018
    }

    [Theory]
    [InlineData("2021-04-13")] // the April 2021 peak
    [InlineData("2021-04-14")]
    public void Phase_April2021Peak_IsTop(string date)
    {
        var a = PhaseOn(date);

        Assert.Equal(MarketPhase.Top, a.Phase);
        Assert.Equal("top.mvrv_high_near_ath", a.Rule);
        Assert.Empty(a.MissingInputs);
    }

    [Theory]
    [InlineData("2021-11-08")] // the November 2021 peak: a lower MVRV, caught by the leverage blow-off clause
    [InlineData("2021-11-09")]
    [InlineData("2021-11-10")]
    public void Phase_November2021Peak_IsTopByLeverageBlowOff(string date)
    {
        var a = PhaseOn(date);

        Assert.Equal(MarketPhase.Top, a.Phase);
        Assert.Equal("top.leverage_blow_off", a.Rule);
    }

    [Theory]
    [InlineData("2018-12-15")] // the Dec 2018 bottom
    [InlineData("2022-11-21")] // the Nov 2022 bottom
    public void Phase_CycleBottoms_IsAccumulation(string date)
    {
        var a = PhaseOn(date);

        Assert.Equal(MarketPhase.Accumulation, a.Phase);
        Assert.Equal("accumulation.mvrv", a.Rule);
        Assert.Contains("accumulation.deep_drawdown", a.CorroboratingClauses);
    }

    [Fact]
    public void Phase_AfterTheCrashOfMay2021_IsBear()
    {
        Assert.Equal(MarketPhase.Bear, PhaseOn("2021-05-19").Phase);
    }

    [Fact]
    public void Signal_Dec2017Top_SellsThreeRungs()
    {
        var s = Provider.Snapshot(new DateOnly(2017, 12, 17));
        var g = SignalRules.Derive(s, PhaseRules.Classify(s));

        Assert.Equal(3, g.MvrvRung); // Z 8.8: 3.5, 5.0 and 7.0 crossed, 9.0 not
        Assert.Equal(0.10, g.Tactical, 10);
    }

    [Fact]
    public async Task GetSnapshot_NoDate_UsesLastCommonDate()
    {
        var s = await Provider.GetSnapshotAsync(null, CancellationToken.None);

        Assert.Equal(Shipped.LastCommonDate, s.Date);
        Assert.False(s.BtcPrice.Stale);
        Assert.True(s.FearGreed.Stale); // the index ends before the price files
        Assert.True(s.FearGreed.Age > TimeSpan.FromDays(1));
    }

    [Fact]
    public void Snapshot_Dec2018Bottom_ReadsShippedValues()
    {
        var s = Provider.Snapshot(new DateOnly(2018, 12, 15));

        Assert.Equal(3236.76, s.BtcPrice.Value!.Value, 1);
        Assert.Equal(11, s.FearGreed.Value);
        Assert.Equal("Extreme Fear", s.FearGreed.Label);
        Assert.Equal(IndicatorInputs.MvrvZSource, s.MvrvZ.Source);
        Assert.InRange(s.MayerMultiple.Value!.Value, 0.50, 0.52);
    }

    /// <summary>No future data: cutting every shipped series after t never changes the snapshot as of t.</summary>
    [Fact]
    public void Snapshot_HistoryTruncatedAfterAsOf_SameAnswer()
    {
        var first = new DateOnly(2012, 1, 1).DayNumber;
        var last = Shipped.Btc.Closes.Last.AddDays(5).DayNumber;
        Prop.ForAll(Gen.Choose(first, last).ToArbitrary(), day =>
        {
            var t = DateOnly.FromDayNumber(day);
            var cut = new HistoryMarketDataProvider(Truncate(Shipped, t));
            return Provider.Snapshot(t).All.SequenceEqual(cut.Snapshot(t).All);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    internal static MarketHistory Truncate(MarketHistory h, DateOnly t) => new(
        Cut(h.Btc, t), Cut(h.Eth, t), h.MvrvZ.Until(t), h.MvrvZGlassnode.Until(t), h.MvrvRatio.Until(t),
        h.FearGreed.Until(t), h.FundingRate.Until(t), h.TBill3m.Until(t));

    private static OhlcvSeries Cut(OhlcvSeries s, DateOnly t)
    {
        var n = s.Closes.IndexOnOrBefore(t) + 1;
        return new OhlcvSeries(s.Symbol, s.Dates[..n], s.Open[..n], s.High[..n], s.Low[..n], s.Close[..n], s.Volume[..n]);
    }
}
