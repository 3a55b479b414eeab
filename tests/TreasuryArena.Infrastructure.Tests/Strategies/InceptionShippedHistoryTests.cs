using TreasuryArena.Core.Backtesting;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Strategies;
using TreasuryArena.Infrastructure.MarketData.History;
using TreasuryArena.Infrastructure.Strategies;

namespace TreasuryArena.Infrastructure.Tests.Strategies;

/// <summary>Backtests on tradable history (issue 18): the inception registry on the shipped data and what it changes.</summary>
public sealed class InceptionShippedHistoryTests
{
    private static readonly MarketHistory History = HistoryLoader.Load(HistoryLocator.Find());
    private static readonly DateOnly BtcInception = new(2013, 12, 27);
    private static readonly DateOnly EthInception = new(2016, 1, 14);

    public static TheoryData<string> LibraryNames()
    {
        var data = new TheoryData<string>();
        foreach (var d in StrategyLibrary.All)
        {
            data.Add(d.Name);
        }

        return data;
    }

    [Fact]
    public void Inception_ShippedBtc_DayAfterTheLastZeroVolumeRow()
    {
        var btc = History.Inception("BTC")!;
        var lastZero = History.Btc.Dates.Where((_, i) => History.Btc.Volume[i] == 0).Max();

        Assert.Equal(BtcInception, btc.Date);
        Assert.Equal(lastZero.AddDays(1), btc.Date);
        Assert.Equal(new DateOnly(2010, 7, 13), btc.FirstData);
        Assert.Contains("248 zero-volume days", btc.Reason, StringComparison.Ordinal);
        // Every day from the inception on trades at least the rule's volume for the next 90 days.
        var i = Array.IndexOf(History.Btc.Dates, btc.Date);
        Assert.All(Enumerable.Range(i, Inception.LiquidDays), k => Assert.True(History.Btc.Volume[k] >= Inception.MinDailyVolumeUsd));
    }

    [Fact]
    public void Inception_ShippedEth_AfterItsThinFirstMonths()
    {
        var eth = History.Inception("ETH")!;

        Assert.Equal(EthInception, eth.Date);
        Assert.True(History.Eth.Volume[Array.IndexOf(History.Eth.Dates, eth.Date) - 1] < Inception.MinDailyVolumeUsd);
        Assert.Equal([BtcInception, EthInception], History.Inceptions().Select(x => x.Date));
    }

    [Fact]
    public void DefaultBacktest_BuyAndHoldBtc_StartsAtInceptionNotIn2010()
    {
        var strategy = StrategyLibrary.Create("buy-and-hold");
        var run = Backtester.Run(BarDataBuilder.FromHistory(History, ["BTC"]), strategy, new BacktestOptions());

        Assert.Equal(BtcInception, run.From);
        // From 2010-07-13 it reported $127.9 billion; from BTC's inception ($735) it is about $10 million.
        Assert.InRange(run.Result.FinalEquity, 1e6, 1e8);
    }

    [Fact]
    public void DefaultBacktest_MaCrossover_No278Billion()
    {
        var strategy = StrategyLibrary.Create("ma-crossover");
        var run = Backtester.Run(BarDataBuilder.FromHistory(History, strategy.Assets.Append("BTC")), strategy, new BacktestOptions());

        Assert.Equal(BtcInception, run.From);
        Assert.InRange(run.Result.FinalEquity, 1e6, 1e8);
    }

    [Theory]
    [MemberData(nameof(LibraryNames))]
    public void DefaultWindow_EveryLibraryStrategy_StartsOnOrAfterItsAssetsInception(string name)
    {
        var strategy = StrategyLibrary.Create(name);
        var frame = BarDataBuilder.FromHistory(History, strategy.Assets.Append("BTC"));
        var run = Backtester.Run(frame, strategy, new BacktestOptions());
        var latest = strategy.Assets.Where(a => a != BarDataBuilder.Yield).Append("BTC").Max(a => History.Inception(a)!.Date);

        Assert.True(run.From >= latest, $"{name} starts {run.From:yyyy-MM-dd}, before {latest:yyyy-MM-dd}");
        Assert.Equal(frame.Dates[frame.TradableFrom], frame.Dates.First(d => d >= latest));
        Assert.True(run.Result.Trades.All(t => t.Date >= latest), name);
    }

    [Fact]
    public void DefaultWindow_EveryShippedSpec_StartsOnOrAfterItsAssetsInception()
    {
        foreach (var f in Directory.GetFiles(Path.Combine(RepoRoot(), "strategies"), "*.yaml"))
        {
            var s = StrategySpecReader.Load(f).Create();
            var run = Backtester.Run(BarDataBuilder.FromHistory(History, s.Assets.Append("BTC")), s, new BacktestOptions());
            var latest = s.Assets.Where(a => a != BarDataBuilder.Yield).Append("BTC").Max(a => History.Inception(a)!.Date);
            Assert.True(run.From >= latest, f);
        }
    }

    [Fact]
    public void ExplicitFrom_BeforeEthInception_RefusedWithTheReason()
    {
        var strategy = StrategyLibrary.Create("dual-momentum");
        var frame = BarDataBuilder.FromHistory(History, strategy.Assets.Append("BTC"));

        var ex = Assert.Throws<BacktestException>(() => Backtester.Run(frame, strategy, new BacktestOptions(), new DateOnly(2015, 9, 1)));
        Assert.Contains("before ETH's inception, its first liquid trading day 2016-01-14", ex.Message, StringComparison.Ordinal);
        Assert.Contains("$1,000,000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void YieldAsset_ShippedHistory_EarnsTheTBillBeforeAaveAndFivePercentAfter()
    {
        var frame = BarDataBuilder.FromHistory(History, ["BTC", BarDataBuilder.Yield]);
        var y = frame.Assets[frame.AssetIndex(BarDataBuilder.Yield)].Close;
        double Growth(DateOnly a, DateOnly b) => y[frame.IndexOnOrBefore(b)] / y[frame.IndexOnOrBefore(a)];

        // 2015: T-bill near zero (0.02–0.3%), not 5%.
        Assert.InRange(Growth(new DateOnly(2015, 1, 1), new DateOnly(2016, 1, 1)), 1.0, 1.005);
        // 2019 (T-bill about 2.1%): still before Aave's 2020-01-08 launch.
        Assert.InRange(Growth(new DateOnly(2019, 1, 1), new DateOnly(2020, 1, 1)), 1.015, 1.03);
        // A full year after the launch: exactly 5%.
        Assert.Equal(1.05, Growth(new DateOnly(2021, 1, 1), new DateOnly(2022, 1, 1)), 12);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TreasuryArena.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
