using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Core.Tests.Treasury;

public sealed class RebalancePlannerTests
{
    private static readonly DateOnly Day = new(2024, 1, 1);
    private static readonly TreasuryOptions Options = new TreasuryOptions().Validated();

    private static (TreasuryPortfolio Portfolio, FakeTreasuryMarket Market) Opened()
    {
        var market = new FakeTreasuryMarket(Options, d => d == Day ? 40_000m : 80_000m, _ => 2_000m);
        return (PaperVenue.Open(Options, TreasuryTargets.Static(Options), market.MarksOn(Day, Day), Day).Portfolio, market);
    }

    [Fact]
    public void Plan_BtcDoubled_SellsBtcFirstThenBuysBase()
    {
        var (portfolio, market) = Opened();
        var later = Day.AddDays(30);
        var targets = TreasuryTargets.Static(Options);
        var valuation = TreasuryValuation.Mark(portfolio, market.MarksOn(later, Day), targets);
        Assert.True(valuation.Drift > Options.DriftThreshold);

        var plan = RebalancePlanner.Plan(valuation, targets, Options, Options.Limits(), "drift");

        var orders = plan.Proposal.Orders;
        Assert.Equal("BTC", orders[0].Asset);
        Assert.Equal(OrderSide.Sell, orders[0].Side);
        var firstBuy = orders.ToList().FindIndex(o => o.Side == OrderSide.Buy);
        Assert.True(firstBuy > 0 && orders.Skip(firstBuy).All(o => o.Side == OrderSide.Buy));
        Assert.All(orders, o => Assert.True(o.Notional >= Options.MinTradeUsd));
        Assert.Equal(Math.Round(orders[0].Notional * 10m / 10_000m, 2, MidpointRounding.AwayFromZero), orders[0].EstimatedFee);

        var after = TreasuryValuation.Mark(PaperVenue.Execute(portfolio, orders, market.MarksOn(later, Day)).Portfolio, market.MarksOn(later, Day), targets);
        Assert.True(after.Drift < 0.01m, $"drift after {after.Drift}");
        Assert.True(after.TacticalShare <= Options.MaxVolatileShare);
        Assert.True(after.Cash >= 0m);
    }

    [Fact]
    public void Plan_OnTarget_ProposesNothing()
    {
        var (portfolio, market) = Opened();
        var valuation = TreasuryValuation.Mark(portfolio, market.MarksOn(Day, Day), TreasuryTargets.Static(Options));
        var plan = RebalancePlanner.Plan(valuation, TreasuryTargets.Static(Options), Options, Options.Limits(), "none");
        Assert.Empty(plan.Proposal.Orders);
    }

    [Fact]
    public void Plan_TargetPastMaxVolatile_IsCappedAtTheLimit()
    {
        var (portfolio, market) = Opened();
        var targets = TreasuryTargets.Create(Options, 0.90m, 0.5m);
        Assert.Equal(Options.MaxVolatileShare, targets.TacticalShare);
        var valuation = TreasuryValuation.Mark(portfolio, market.MarksOn(Day, Day), targets);
        var plan = RebalancePlanner.Plan(valuation, targets, Options, Options.Limits(), "signal");
        var after = TreasuryValuation.Mark(PaperVenue.Execute(portfolio, plan.Proposal.Orders, market.MarksOn(Day, Day)).Portfolio, market.MarksOn(Day, Day), targets);
        Assert.True(after.TacticalShare <= Options.MaxVolatileShare);
        Assert.All(after.Lines, l => Assert.True(l.Weight <= Options.MaxAssetWeight));
    }

    [Fact]
    public void Options_SharesNotSummingToOne_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new TreasuryOptions { BaseShare = 0.7m, TacticalShare = 0.4m }.Validated());
        Assert.Throws<ArgumentException>(() => new TreasuryOptions { InitialCapital = 0m }.Validated());
    }
}
