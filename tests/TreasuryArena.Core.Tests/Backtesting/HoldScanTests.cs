using TreasuryArena.Core.Backtesting;
using TreasuryArena.Core.Strategies;

namespace TreasuryArena.Core.Tests.Backtesting;

/// <summary>
/// <see cref="PortfolioSimulator.Run"/> lets a scanning kernel (<see cref="IHoldScan"/>: ma-crossover, ma-trend) skip quiet stretches;
/// <see cref="PortfolioSimulator.Step"/> never scans. Both must give the same run, bit for bit.
/// </summary>
public sealed class HoldScanTests
{
    public static TheoryData<string, string, string, double, double, int> Crossovers => new()
    {
        { "BTC", "3", "7", 10, 5, 0 },
        { "BTC", "20", "100", 10, 5, 0 },
        { "ETH", "5", "30", 0, 0, 40 },
        { "ETH", "2", "5", 25, 10, 1 },
    };

    [Theory]
    [MemberData(nameof(Crossovers))]
    public void Run_WithScan_EqualsSteppingBarByBar(string asset, string fast, string slow, double fee, double slip, int start)
    {
        foreach (var flat in new[] { "cash", "yield" })
        {
            AssertScanEqualsSteps(StrategyLibrary.Create("ma-crossover", new Dictionary<string, string> { ["asset"] = asset, ["fast"] = fast, ["slow"] = slow, ["flat"] = flat }), fee, slip, start);
        }
    }

    [Theory]
    [InlineData("BTC", "10", 10, 5, 0)]
    [InlineData("ETH", "30", 0, 0, 1)]
    [InlineData("BTC", "200", 25, 10, 250)]
    public void Run_WithScan_EqualsSteppingBarByBar_MaTrend(string asset, string window, double fee, double slip, int start) =>
        AssertScanEqualsSteps(StrategyLibrary.Create("ma-trend", new Dictionary<string, string> { ["asset"] = asset, ["window"] = window }), fee, slip, start);

    [Fact]
    public void Run_AfterRestoreHalfway_EqualsSteppingBarByBar()
    {
        var frame = SyntheticFrames.Create(3000, seed: 22);
        var strategy = StrategyLibrary.Create("ma-crossover", new Dictionary<string, string> { ["fast"] = "4", ["slow"] = "12" });
        var options = new BacktestOptions { RecordDecisions = true };
        var first = new PortfolioSimulator(frame, strategy, options, 0, frame.Count - 1);
        while (first.Index < 1500)
        {
            first.Step();
        }

        var resumed = new PortfolioSimulator(frame, strategy, options, 0, frame.Count - 1);
        resumed.Restore(first.Capture());
        var scanned = resumed.Run();
        while (first.Step())
        {
        }

        var stepped = first.Result();
        Assert.Equal(stepped.Equity.AsSpan(1501).ToArray(), scanned.Equity);
        Assert.Equal(stepped.TradeCount, scanned.TradeCount);
        Assert.Equal(stepped.FeesPaid, scanned.FeesPaid);
    }

    [Theory]
    [InlineData("ma-crossover", "flat=cash")]
    [InlineData("ma-crossover", "flat=yield")]
    [InlineData("ma-trend", "window=10")]
    public void HeldUntil_IsTheFirstBarWhoseDecisionDiffers(string name, string parameter)
    {
        var frame = SyntheticFrames.Create(2000, seed: 23);
        var p = new Dictionary<string, string> { [parameter.Split('=')[0]] = parameter.Split('=')[1] };
        if (name == "ma-crossover")
        {
            p["fast"] = "3";
            p["slow"] = "9";
        }

        var strategy = StrategyLibrary.Create(name, p);
        using var set = new IndicatorSet(frame);
        var kernel = strategy.Prepare(set);
        var scan = Assert.IsAssignableFrom<IHoldScan>(kernel);
        var n = frame.Assets.Count;
        double[] Decide(int t)
        {
            var target = new double[n];
            kernel.Decide(new MarketView(frame, t, 0), target);
            return target;
        }

        var rng = new Random(5);
        for (var k = 0; k < 300; k++)
        {
            var from = rng.Next(frame.Count - 1);
            var to = Math.Min(frame.Count, from + 1 + rng.Next(200));
            var held = Decide(rng.Next(frame.Count));
            var expected = from;
            while (expected < to && Decide(expected).AsSpan().SequenceEqual(held))
            {
                expected++;
            }

            Assert.Equal(expected, scan.HeldUntil(from, to, held));
        }

        // A target the kernel never writes holds for no bar.
        Assert.Equal(10, scan.HeldUntil(10, 50, Enumerable.Repeat(0.5, n).ToArray()));
    }

    private static void AssertScanEqualsSteps(IStrategy strategy, double fee, double slip, int start)
    {
        var frame = SyntheticFrames.Create((2 * CausalSeries.Block) + 321, seed: 21);
        foreach (var record in new[] { true, false })
        {
            var options = new BacktestOptions { FeeBps = fee, SlippageBps = slip, RecordWeights = record, RecordTrades = record, RecordDecisions = record };
            using var scanSet = new IndicatorSet(frame);
            using var stepSet = new IndicatorSet(frame);
            var scanned = new PortfolioSimulator(frame, strategy, options, start, frame.Count - 1, scanSet).Run();
            var stepper = new PortfolioSimulator(frame, strategy, options, start, frame.Count - 1, stepSet);
            while (stepper.Step())
            {
            }

            AssertSameRun(stepper.Result(), scanned);
            Assert.True(scanned.TradeCount > 10, $"{strategy.Name} {string.Join(",", strategy.Parameters)}: only {scanned.TradeCount} trades, too few to test switching");
        }
    }

    private static void AssertSameRun(BacktestResult expected, BacktestResult actual)
    {
        Assert.Equal(expected.Equity, actual.Equity);
        Assert.Equal(expected.Weights, actual.Weights);
        Assert.Equal(expected.Trades, actual.Trades);
        Assert.Equal(expected.Decisions.Select(d => (d.Date, d.Trigger, string.Join(",", d.Target))), actual.Decisions.Select(d => (d.Date, d.Trigger, string.Join(",", d.Target))));
        Assert.Equal(expected.TradeCount, actual.TradeCount);
        Assert.Equal(expected.FeesPaid, actual.FeesPaid);
        Assert.Equal(expected.SlippagePaid, actual.SlippagePaid);
    }
}
