using TreasuryArena.Core.Backtesting;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Strategies;
using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Core.Tests.Backtesting;

public sealed class InceptionBacktestTests
{
    private static readonly DateOnly Start = new(2019, 1, 1);

    /// <summary>A 600-day BTC frame (no aux) whose BTC inception is bar <paramref name="inceptionBar"/>, plus a 5% yield asset.</summary>
    private static BarData Frame(int inceptionBar, int bars = 600)
    {
        var dates = Enumerable.Range(0, bars).Select(Start.AddDays).ToArray();
        var close = dates.Select((_, i) => 100.0 * (1 + (0.001 * i))).ToArray();
        var yieldIdx = YieldModel.Fixed(0.05, venue: null).Index(dates, null);
        var inception = new AssetInception("BTC", dates[inceptionBar], dates[0], "constructed: liquid from this bar");
        return new BarData(dates, [new AssetBars("BTC", close, close), new AssetBars("YIELD", yieldIdx, yieldIdx, IsYield: true)], null, [inception]);
    }

    [Fact]
    public void ResolveRange_FromBeforeInception_RefusedNamingTheAssetItsInceptionAndTheReason()
    {
        var data = Frame(inceptionBar: 200);
        var ex = Assert.Throws<BacktestException>(() => Backtester.ResolveRange(data, StrategyLibrary.Create("buy-and-hold"), Start.AddDays(100), null));

        Assert.Contains("--from 2019-04-11 is before BTC's inception", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2019-07-20", ex.Message, StringComparison.Ordinal);
        Assert.Contains("constructed: liquid from this bar", ex.Message, StringComparison.Ordinal);
        Assert.Equal("bad_backtest", ex.Code);
    }

    [Fact]
    public void ResolveRange_FromOnInception_Accepted()
    {
        var data = Frame(inceptionBar: 200);
        Assert.Equal(200, Backtester.ResolveRange(data, StrategyLibrary.Create("buy-and-hold"), Start.AddDays(200), null).Start);
    }

    [Fact]
    public void ResolveRange_ToBeforeInception_Refused()
    {
        var data = Frame(inceptionBar: 200);
        Assert.Throws<BacktestException>(() => Backtester.ResolveRange(data, StrategyLibrary.Create("buy-and-hold"), null, Start.AddDays(150)));
    }

    [Fact]
    public void DefaultStart_NoFrom_ClippedToInception()
    {
        var data = Frame(inceptionBar: 250);
        var strategy = StrategyLibrary.Create("ma-trend");   // 200-bar warm-up, shorter than the pre-inception prices

        Assert.Equal(250, Backtester.DefaultStart(data, strategy));
        var run = Backtester.Run(data, strategy, new BacktestOptions());
        Assert.Equal(Start.AddDays(250), run.From);
    }

    [Fact]
    public void DefaultStart_WarmupLongerThanThePreInceptionHistory_WarmupStillDecides()
    {
        var data = Frame(inceptionBar: 50);
        Assert.Equal(200, Backtester.DefaultStart(data, StrategyLibrary.Create("ma-trend")));
    }

    [Fact]
    public void DefaultStart_FrameWithoutInceptions_Unchanged()
    {
        var data = SyntheticFrames.Create(400, seed: 3);
        Assert.Equal(0, data.TradableFrom);
        Assert.Null(data.Binding);
        Assert.Equal(0, Backtester.DefaultStart(data, StrategyLibrary.Create("buy-and-hold")));
    }

    [Fact]
    public void YieldIndex_FixedApyBeforeVenueLaunch_AccruesTheTBillNotTheApy()
    {
        var launch = new VenueLaunch("aave", "Aave", Start.AddDays(100), "test");
        var dates = Enumerable.Range(0, 200).Select(Start.AddDays).ToArray();
        var tbill = dates.Select(_ => 0.02).ToArray();
        var idx = YieldModel.Fixed(0.10, launch).Index(dates, tbill);

        // Days 0..100 accrue 2% a year, days 100..199 accrue 10% a year.
        Assert.Equal(Math.Pow(1.02, 100 / 365.0), idx[100], 12);
        Assert.Equal(Math.Pow(1.10, 99 / 365.0), idx[199] / idx[100], 12);
        var ungated = YieldModel.Fixed(0.10, venue: null).Index(dates, tbill);
        Assert.Equal(Math.Pow(1.10, 199 / 365.0), ungated[199], 12);
        Assert.True(idx[199] < ungated[199]);
    }

    [Fact]
    public void YieldIndex_BeforeLaunchWithoutTBill_EarnsNothing()
    {
        var launch = new VenueLaunch("aave", "Aave", Start.AddDays(100), "test");
        var dates = Enumerable.Range(0, 120).Select(Start.AddDays).ToArray();
        var idx = YieldModel.Fixed(0.05, launch).Index(dates, null);
        Assert.Equal(1.0, idx[100]);
        Assert.Equal(Math.Pow(1.05, 19 / 365.0), idx[119], 12);
    }

    [Fact]
    public void YieldIndex_Blend_EachVenueGatedByItsOwnLaunch()
    {
        var early = new VenueLaunch("a", "A", Start, "test");
        var late = new VenueLaunch("b", "B", Start.AddDays(365), "test");
        var model = YieldModel.Blend([new YieldLeg(0.5, 0.08, early), new YieldLeg(0.5, 0.06, late)]);
        var dates = Enumerable.Range(0, 366).Select(Start.AddDays).ToArray();
        var idx = model.Index(dates, dates.Select(_ => 0.02).ToArray());

        // The first year: half at 8%, half at the 2% T-bill → 5% blended, compounded daily at the blended rate.
        Assert.Equal(Math.Pow(1.05, 365 / 365.0), idx[365], 12);
        Assert.Equal(0.07, model.FixedApy!.Value, 12);
        Assert.Equal(late.Date, model.LiveFrom);
        Assert.Contains("T-bill before launch", model.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Default_IsFivePercentFromTheLendingVenueLaunch()
    {
        Assert.Equal(0.05, YieldModel.Default.FixedApy);
        Assert.Equal(new DateOnly(2020, 1, 8), YieldModel.Default.LiveFrom);
        Assert.Equal(YieldModel.Default, YieldModel.Parse("5%"));
        Assert.Null(YieldModel.TBill.LiveFrom);
    }

    [Fact]
    public void TreasuryYieldIndex_VenueBeforeLaunch_CreditedTheTBillThenTheApy()
    {
        var launch = new VenueLaunch("pendle", "Pendle", new DateOnly(2021, 6, 17), "test");
        var inception = new DateOnly(2021, 1, 1);
        var tbill = new TimeSeries("tbill", [new DateOnly(2020, 12, 31)], [0.01]);
        var preDays = launch.Date.DayNumber - inception.DayNumber;

        var atLaunch = TreasuryMarks.YieldIndex(0.07m, launch, tbill, inception, launch.Date);
        var later = TreasuryMarks.YieldIndex(0.07m, launch, tbill, inception, launch.Date.AddDays(365));

        Assert.Equal(Math.Round((decimal)Math.Pow(1.01, preDays / 365.0), 10), atLaunch, 9);
        Assert.Equal(Math.Round((decimal)(Math.Pow(1.01, preDays / 365.0) * 1.07), 10), later, 9);
        Assert.True(atLaunch < TreasuryMarks.YieldIndex(0.07m, inception, launch.Date));
        // From an inception on or after the launch, exactly the closed form.
        Assert.Equal(TreasuryMarks.YieldIndex(0.07m, launch.Date, launch.Date.AddDays(200)), TreasuryMarks.YieldIndex(0.07m, launch, tbill, launch.Date, launch.Date.AddDays(200)));
        // Without a T-bill series the pre-launch days earn nothing.
        Assert.Equal(1m, TreasuryMarks.YieldIndex(0.07m, launch, null, inception, launch.Date));
    }

    [Fact]
    public void EvaluationVenueYield_DefaultTreasury_EveryVenueGatedByItsLaunch()
    {
        var model = Core.Evaluation.WalkForwardEvaluator.VenueYield(new TreasuryOptions());

        Assert.Equal(3, model.Legs.Count);
        Assert.Equal(["aave", "pendle", "curve"], model.Legs.Select(l => l.Venue!.Venue));
        Assert.Equal(0.4 * 0.045 + 0.3 * 0.07 + 0.3 * 0.05, model.FixedApy!.Value, 12);
        Assert.Equal(new DateOnly(2021, 6, 17), model.LiveFrom);
    }
}
