using System.Text.RegularExpressions;
using TreasuryArena.Core.Backtesting;
using TreasuryArena.Core.Strategies;
using TreasuryArena.Core.Tests.Backtesting;

namespace TreasuryArena.Core.Tests.Strategies;

public sealed class StrategyLibraryTests
{
    [Fact]
    public void All_AtLeastTenDocumentedKebabCaseStrategies()
    {
        Assert.True(StrategyLibrary.All.Count >= 10);
        Assert.Equal(StrategyLibrary.All.Count, StrategyLibrary.All.Select(d => d.Name).Distinct().Count());
        foreach (var d in StrategyLibrary.All)
        {
            Assert.Matches(new Regex("^[a-z0-9]+(-[a-z0-9]+)*$"), d.Name);
            Assert.False(string.IsNullOrWhiteSpace(d.Description), d.Name);
            Assert.False(string.IsNullOrWhiteSpace(d.Source), d.Name);
            foreach (var p in d.Parameters)
            {
                Assert.Equal(p.Default, p.Normalize(d.Name, p.Default));
            }
        }

        Assert.True(StrategyLibrary.TryGet("treasury-60-40", out _));
        Assert.Contains(StrategyLibrary.Get("buy-and-hold").Parameters, p => p.Name == "asset");
    }

    [Fact]
    public void Create_EveryStrategyWithDefaults_RunsOnSyntheticData()
    {
        var frame = SyntheticFrames.Create(700, seed: 11);
        foreach (var d in StrategyLibrary.All)
        {
            var s = d.Create();
            var result = new PortfolioSimulator(frame, s, new BacktestOptions(), Math.Min(s.WarmupBars, 400), 699).Run();
            Assert.True(result.FinalEquity > 0 && double.IsFinite(result.FinalEquity), d.Name);
            Assert.True(result.TradeCount > 0, d.Name);
        }
    }

    [Fact]
    public void Create_UnknownStrategy_NamesTheKnownOnes()
    {
        var ex = Assert.Throws<StrategyException>(() => StrategyLibrary.Create("moon-shot"));
        Assert.Contains("unknown strategy `moon-shot`", ex.Message, StringComparison.Ordinal);
        Assert.Contains("treasury-60-40", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ma-trend", "window", "5", "outside its range 10..400")]
    [InlineData("ma-trend", "window", "abc", "is not a number")]
    [InlineData("ma-trend", "window", "20.5", "whole number")]
    [InlineData("buy-and-hold", "asset", "DOGE", "is not one of BTC, ETH, YIELD")]
    [InlineData("ma-trend", "speed", "1", "unknown parameter `speed`")]
    [InlineData("ma-crossover", "fast", "150", "must be shorter than slow")]
    [InlineData("fixed-weight", "btc_weight", "0.6", "weights sum to 1.2, must be 1")]
    public void Create_BadParameter_ClearMessage(string name, string key, string value, string expected)
    {
        var ex = Assert.Throws<StrategyException>(() => StrategyLibrary.Create(name, new Dictionary<string, string> { [key] = value }));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Treasury_MvrvSteps_SellQuartersAndReenterBelowLevel()
    {
        double[] steps = [3.5, 5.0, 7.0, 9.0];
        var tier = 0.0;
        var path = new[] { 2.0, 3.6, 4.0, 5.1, 4.0, 9.5, 6.0, 1.5, 0.9, 3.0 };
        var tiers = path.Select(z => tier = TreasuryArena.Core.Strategies.Library.Treasury6040.Tier(tier, z, steps, 1.0)).ToArray();
        Assert.Equal(new double[] { 0, 1, 1, 2, 2, 4, 4, 4, 0, 0 }, tiers);
    }
}
