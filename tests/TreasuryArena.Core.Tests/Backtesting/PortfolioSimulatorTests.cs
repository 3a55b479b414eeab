using TreasuryArena.Core.Backtesting;
using TreasuryArena.Core.Strategies;

namespace TreasuryArena.Core.Tests.Backtesting;

public sealed class PortfolioSimulatorTests
{
    private static readonly BacktestOptions NoCosts = new() { Capital = 100_000, FeeBps = 0, SlippageBps = 0 };

    [Fact]
    public void BuyAndHold_ZeroFees_EqualsPriceRatio()
    {
        var frame = SyntheticFrames.Create(400, seed: 1);
        var strategy = StrategyLibrary.Create("buy-and-hold", new Dictionary<string, string> { ["asset"] = "ETH" });
        var result = new PortfolioSimulator(frame, strategy, NoCosts, 10, 399).Run();

        var eth = frame.Assets[1];
        var expected = 100_000 * eth.Close[399] / eth.Open[11];
        Assert.Equal(expected, result.FinalEquity, 1e-9 * expected);
        Assert.Equal(1, result.TradeCount);
        Assert.Equal(100_000, result.Equity[0]);
    }

    [Fact]
    public void FixedWeight_NoRebalancing_MatchesClosedForm()
    {
        var frame = SyntheticFrames.Create(500, seed: 2);
        var strategy = StrategyLibrary.Create("fixed-weight", new Dictionary<string, string>
        {
            ["yield_weight"] = "0.5", ["btc_weight"] = "0.3", ["eth_weight"] = "0.2", ["rebalance"] = "none",
        });
        var result = new PortfolioSimulator(frame, strategy, NoCosts, 0, 499).Run();

        double Leg(int asset, double w) => w * frame.Assets[asset].Close[499] / frame.FillPrice(asset, 1);
        var expected = 100_000 * (Leg(0, 0.3) + Leg(1, 0.2) + Leg(2, 0.5));
        Assert.Equal(expected, result.FinalEquity, 1e-9 * expected);
        Assert.Equal(3, result.TradeCount);
    }

    [Fact]
    public void Fees_FlatPrices_ReduceEquityByExactlyWhatTradesPaid()
    {
        var frame = SyntheticFrames.Flat(300);
        var options = new BacktestOptions { Capital = 50_000, FeeBps = 25, SlippageBps = 10 };
        var result = new PortfolioSimulator(frame, new Alternating(), options, 0, 299).Run();

        Assert.True(result.TradeCount > 500);
        Assert.Equal(result.FeesPaid, result.Trades.Sum(t => t.Fee), 1e-9);
        Assert.Equal(result.SlippagePaid, result.Trades.Sum(t => t.SlippageCost), 1e-9);
        Assert.Equal(50_000 - result.FeesPaid - result.SlippagePaid, result.FinalEquity, 1e-6);
        var free = new PortfolioSimulator(frame, new Alternating(), options with { FeeBps = 0, SlippageBps = 0 }, 0, 299).Run();
        Assert.Equal(50_000, free.FinalEquity, 1e-9);
    }

    [Fact]
    public void Fees_BuyAndHold_CostIsFeeOnTheNotional()
    {
        var frame = SyntheticFrames.Create(100, seed: 3);
        var options = NoCosts with { FeeBps = 30 };
        var result = new PortfolioSimulator(frame, StrategyLibrary.Create("buy-and-hold"), options, 0, 99).Run();

        // All cash buys: notional N and fee f·N with N(1 + f) = capital.
        var notional = 100_000 / 1.003;
        Assert.Equal(notional * 0.003, result.FeesPaid, 1e-6);
        Assert.Equal(100_000 - result.FeesPaid, result.Equity[1] * frame.FillPrice(0, 1) / frame.Assets[0].Close[1], 1e-6);
    }

    [Fact]
    public void CaptureRestore_ContinuingFromState_EqualsUninterruptedRun()
    {
        var frame = SyntheticFrames.Create(600, seed: 4);
        var strategy = StrategyLibrary.Create("treasury-60-40");
        var options = new BacktestOptions { FeeBps = 10, SlippageBps = 5 };
        var full = new PortfolioSimulator(frame, strategy, options, 50, 599).Run();

        var first = new PortfolioSimulator(frame, strategy, options, 50, 599);
        while (first.Index < 300)
        {
            first.Step();
        }

        var state = first.Capture();
        var second = new PortfolioSimulator(frame, strategy, options, 50, 599);
        second.Restore(state);
        var rest = second.Run();

        Assert.Equal(full.FinalEquity, rest.FinalEquity, 1e-9 * full.FinalEquity);
        Assert.Equal(full.TradeCount, rest.TradeCount);
        Assert.Equal(full.FeesPaid, rest.FeesPaid, 1e-9);
        Assert.Equal(frame.Dates[301], rest.Dates[0]);
    }

    [Fact]
    public void Step_OrderDecidedAtClose_FillsOnNextBarOpen()
    {
        var frame = SyntheticFrames.Create(50, seed: 5);
        var sim = new PortfolioSimulator(frame, StrategyLibrary.Create("buy-and-hold"), NoCosts with { RecordDecisions = true }, 5, 49);
        sim.Step();
        Assert.True(sim.HasPendingOrder);
        Assert.Equal(100_000, sim.Equity);
        sim.Step();
        var trade = Assert.Single(sim.Result().Trades);
        Assert.Equal(frame.Dates[6], trade.Date);
        Assert.Equal(frame.Assets[0].Open[6], trade.Price);
    }

    [Fact]
    public void Drift_ThresholdPolicy_RebalancesOnlyWhenDriftExceeds()
    {
        var frame = SyntheticFrames.Create(800, seed: 6);
        var strategy = StrategyLibrary.Create("fixed-weight", new Dictionary<string, string> { ["rebalance"] = "none", ["drift"] = "0.05" });
        var result = new PortfolioSimulator(frame, strategy, NoCosts with { RecordDecisions = true }, 0, 799).Run();

        Assert.Contains(result.Decisions, d => d.Trigger == "drift");
        var n = result.Assets.Length;
        foreach (var d in result.Decisions.Where(d => d.Trigger == "drift"))
        {
            var t = Array.IndexOf(result.Dates, d.Date);
            var btc = result.Weights![(t * n) + 0];
            var yieldW = result.Weights[(t * n) + 1];
            var drift = (Math.Abs(btc - 0.4) + Math.Abs(yieldW - 0.6) + Math.Abs(1 - btc - yieldW)) / 2;
            Assert.True(drift > 0.05, $"drift {drift} at {d.Date}");
        }
    }

    [Fact]
    public void MarketView_NegativeLag_Throws()
    {
        var frame = SyntheticFrames.Create(20, seed: 7);
        var sim = new PortfolioSimulator(frame, new Peeking(), NoCosts, 0, 19);
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Step());
    }

    /// <summary>Swaps everything between BTC and ETH on every bar.</summary>
    private sealed class Alternating : IStrategy
    {
        public string Name => "alternating";

        public IReadOnlyList<string> Assets => ["BTC", "ETH"];

        public IReadOnlyList<string> AuxiliarySeries => [];

        public RebalancePolicy Rebalance => RebalancePolicy.Signal;

        public int WarmupBars => 0;

        public IReadOnlyDictionary<string, string> Parameters => new Dictionary<string, string>();

        public IStrategyKernel Prepare(IndicatorSet indicators) => new FuncKernel((view, target) => target[view.Index % 2] = 1);
    }

    /// <summary>Tries to read tomorrow's close.</summary>
    private sealed class Peeking : IStrategy
    {
        public string Name => "peeking";

        public IReadOnlyList<string> Assets => ["BTC"];

        public IReadOnlyList<string> AuxiliarySeries => [];

        public RebalancePolicy Rebalance => RebalancePolicy.Signal;

        public int WarmupBars => 0;

        public IReadOnlyDictionary<string, string> Parameters => new Dictionary<string, string>();

        public IStrategyKernel Prepare(IndicatorSet indicators) => new FuncKernel((view, target) => target[0] = view.Close(0, -1) > 0 ? 1 : 0);
    }
}
