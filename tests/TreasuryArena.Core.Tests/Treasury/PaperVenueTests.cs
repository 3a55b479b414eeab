using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Core.Tests.Treasury;

public sealed class PaperVenueTests
{
    private static readonly DateOnly Day = new(2024, 1, 1);
    private static readonly TreasuryOptions Options = new TreasuryOptions().Validated();

    private static TreasuryMarks Marks(decimal btc, decimal eth, DateOnly? on = null) =>
        new FakeTreasuryMarket(Options, _ => btc, _ => eth).MarksOn(on ?? Day, Day);

    [Fact]
    public void Open_DefaultOptions_SpendsCapitalAt6040()
    {
        var opened = PaperVenue.Open(Options, TreasuryTargets.Static(Options), Marks(40_000m, 2_000m), Day);
        var valuation = TreasuryValuation.Mark(opened.Portfolio, Marks(40_000m, 2_000m), TreasuryTargets.Static(Options));
        var costs = opened.Fills.Sum(f => f.Fee + f.Slippage);
        Assert.InRange(opened.Portfolio.Cash, 0m, 1m);
        Assert.InRange(valuation.TotalValue + costs + opened.Portfolio.Cash - valuation.Cash, 399_999m, 400_000.01m);
        Assert.InRange(valuation.TacticalShare, 0.399m, 0.401m);
        Assert.Equal(5, opened.Portfolio.Positions.Count);
        Assert.InRange(valuation.Drift, 0m, 0.002m);
    }

    [Fact]
    public void Execute_SellThenBuy_CashMovesByNotionalAndCosts()
    {
        var start = new TreasuryPortfolio(Day, Day, 1_000m, [new TreasuryPosition("BTC", "paper", AssetClass.Volatile, 2m, 60_000m)], 81_000m);
        var orders = new[]
        {
            new TradeOrder("ETH", "paper", AssetClass.Volatile, OrderSide.Buy, 10_000m, 10m, 10m),
            new TradeOrder("BTC", "paper", AssetClass.Volatile, OrderSide.Sell, 20_000m, 20m, 20m),
        };
        var done = PaperVenue.Execute(start, orders, Marks(40_000m, 2_000m));
        Assert.Equal(OrderSide.Sell, done.Fills[0].Side);
        Assert.Equal(1_000m + 20_000m - 40m - 10_000m - 20m, done.Portfolio.Cash);
        Assert.Equal(1.5m, done.Portfolio.Find("BTC")!.Quantity);
        Assert.Equal(45_000m, done.Portfolio.Find("BTC")!.CostBasis);
        Assert.Equal(5m, done.Portfolio.Find("ETH")!.Quantity);
        Assert.Equal(10_020m, done.Portfolio.Find("ETH")!.CostBasis);
    }

    [Fact]
    public void Execute_SellMoreThanHeld_SellsOnlyWhatIsHeld()
    {
        var start = new TreasuryPortfolio(Day, Day, 0m, [new TreasuryPosition("BTC", "paper", AssetClass.Volatile, 0.5m, 10_000m)], 20_000m);
        var done = PaperVenue.Execute(start, [new TradeOrder("BTC", "paper", AssetClass.Volatile, OrderSide.Sell, 50_000m, 50m, 50m)], Marks(40_000m, 2_000m));
        var fill = Assert.Single(done.Fills);
        Assert.Equal(0.5m, fill.Quantity);
        Assert.Equal(20_000m, fill.Notional);
        Assert.Null(done.Portfolio.Find("BTC"));
        Assert.Equal(20_000m - 20m - 20m, done.Portfolio.Cash);
    }

    [Fact]
    public void YieldIndex_OneYear_GrowsByTheApy()
    {
        Assert.Equal(1.07m, TreasuryMarks.YieldIndex(0.07m, Day, Day.AddDays(365)));
        Assert.Equal(1m, TreasuryMarks.YieldIndex(0.07m, Day, Day));
    }
}
