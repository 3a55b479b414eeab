using TreasuryArena.Core.Backtesting;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Strategies;
using TreasuryArena.Infrastructure.MarketData.History;
using TreasuryArena.Infrastructure.Strategies;

namespace TreasuryArena.Infrastructure.Tests.Strategies;

public sealed class ShippedHistoryBacktestTests
{
    private static readonly MarketHistory History = HistoryLoader.Load(HistoryLocator.Find());

    public static TheoryData<string> LibraryNames()
    {
        var data = new TheoryData<string>();
        foreach (var d in StrategyLibrary.All)
        {
            data.Add(d.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LibraryNames))]
    public void Run_LibraryStrategyOnShippedHistory_ProducesSaneRun(string name)
    {
        var strategy = StrategyLibrary.Create(name);
        var frame = BarDataBuilder.FromHistory(History, strategy.Assets.Append("BTC"));
        var run = Backtester.Run(frame, strategy, new BacktestOptions());

        Assert.True(run.Result.Dates.Length > 1000, $"{name}: {run.Result.Dates.Length} bars");
        Assert.All(run.Result.Equity, e => Assert.True(e > 0 && double.IsFinite(e)));
        Assert.True(run.Result.TradeCount > 0);
        Assert.Equal((run.Result.FinalEquity / 100_000) - 1, run.Metrics.TotalReturn, Math.Abs(run.Metrics.TotalReturn) * 1e-12);
        Assert.InRange(run.Metrics.MaxDrawdown.Depth, -1, 0);
        // Over years of history every library strategy's ratios are defined, over the shipped T-bill, and plausible.
        Assert.InRange(run.Metrics.Sharpe!.Value, -10, 10);
        Assert.Equal("tbill-3m", run.Metrics.RiskFree);
        Assert.InRange(run.Metrics.RiskFreeRate, 0.001, 0.05);
        Assert.Equal(run.Result.Dates.Length, run.Benchmark.Length);
    }

    [Fact]
    public void BuyAndHold_ShippedBtcZeroCosts_EqualsPriceRatio()
    {
        var strategy = StrategyLibrary.Create("buy-and-hold");
        var frame = BarDataBuilder.FromHistory(History, ["BTC"]);
        var from = new DateOnly(2017, 1, 1);
        var to = new DateOnly(2024, 12, 31);
        var run = Backtester.Run(frame, strategy, new BacktestOptions { FeeBps = 0, SlippageBps = 0 }, from, to);

        var btc = History.Btc;
        var fill = btc.Open[btc.Closes.IndexOnOrBefore(from) + 1];
        var expected = 100_000 * btc.Close[btc.Closes.IndexOnOrBefore(to)] / fill;
        Assert.Equal(expected, run.Result.FinalEquity, expected * 1e-12);
    }

    [Theory]
    [InlineData("buy-and-hold.yaml", "buy-and-hold")]
    [InlineData("fixed-weight.yaml", "fixed-weight")]
    [InlineData("ma-trend.yaml", "ma-trend")]
    public void Spec_ShippedSpecFile_SameResultAsCSharpForm(string file, string name)
    {
        var spec = StrategySpecReader.Load(Path.Combine(RepoRoot(), "strategies", file));
        var fromSpec = spec.Create();
        var fromCode = StrategyLibrary.Create(name);
        Assert.Equal(fromCode.Assets, fromSpec.Assets);
        var frame = BarDataBuilder.FromHistory(History, fromCode.Assets.Append("BTC"));
        var options = new BacktestOptions { FeeBps = 10, SlippageBps = 5, RecordDecisions = true };
        var a = Backtester.Run(frame, fromCode, options);
        var b = Backtester.Run(frame, fromSpec, options);

        Assert.Equal(a.Result.Dates, b.Result.Dates);
        Assert.Equal(a.Result.Equity, b.Result.Equity);
        Assert.Equal(a.Result.TradeCount, b.Result.TradeCount);
        Assert.Equal(a.Result.Decisions.Select(d => d.Date), b.Result.Decisions.Select(d => d.Date));
    }

    [Fact]
    public void Spec_EveryShippedSpec_CompilesAndRuns()
    {
        var files = Directory.GetFiles(Path.Combine(RepoRoot(), "strategies"), "*.yaml");
        Assert.True(files.Length >= 3);
        foreach (var f in files)
        {
            var s = StrategySpecReader.Load(f).Create();
            var frame = BarDataBuilder.FromHistory(History, s.Assets.Append("BTC"));
            Assert.True(Backtester.Run(frame, s, new BacktestOptions()).Result.FinalEquity > 0, f);
        }
    }

    /// <summary>Golden master: treasury-60-40 with its defaults on the shipped history. A change here is a deliberate, reviewed edit.
    /// Issue 18 moved it from $360,841.49 to $349,390.55: the yield sleeve earns the T-bill, not 5%, before Aave's 2020-01-08 launch.</summary>
    [Fact]
    public void Treasury6040_ShippedHistory_PinnedStatistics()
    {
        var strategy = StrategyLibrary.Create("treasury-60-40");
        var frame = BarDataBuilder.FromHistory(History, strategy.Assets.Append("BTC"));
        var run = Backtester.Run(frame, strategy, new BacktestOptions(), new DateOnly(2018, 2, 1), new DateOnly(2026, 2, 22));

        Assert.Equal(GoldenFinalEquity, run.Result.FinalEquity, GoldenFinalEquity * 1e-9);
        Assert.Equal(GoldenTrades, run.Result.TradeCount);
    }

    private const double GoldenFinalEquity = 349390.5523661364;
    private const int GoldenTrades = 877;

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
