using FsCheck;
using FsCheck.Fluent;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Core.Tests.WalletOptimization;

public sealed class OrderPlannerTests
{
    private static readonly OrderSizingOptions Sizing = new() { TradeFeeRate = 0.01m, MinTradeUsd = 25m };

    [Fact]
    public void Plan_AllCashToTwoTokens_BuysOnlyWithFeesInsideCash()
    {
        var navs = new Dictionary<string, decimal> { ["AAA"] = 1.25m, ["BBB"] = 0.8m };
        var targets = new Dictionary<string, decimal> { ["AAA"] = 0.5m, ["BBB"] = 0.5m };

        var plan = OrderPlanner.Plan(10_000m, [], targets, navs, Sizing);

        Assert.All(plan.Orders, o => Assert.Equal(OrderSide.Buy, o.Side));
        Assert.Equal(2, plan.Orders.Count);
        Assert.True(plan.Orders.Sum(o => o.Amount) <= 10_000m);
        Assert.True(plan.CashAfter >= 0m);
        // Fees are inside the amounts: the shares bought are worth the amount minus the fee.
        foreach (var o in plan.Orders)
        {
            Assert.True(o.Shares * o.QuotedNav <= o.Amount - o.EstimatedFee);
        }

        // Both targets are nearly reached (the rest is fees and rounding).
        Assert.InRange(plan.Orders.Sum(o => o.Amount), 9_990m, 10_000m);
    }

    [Fact]
    public void Plan_OverweightAndNewToken_SellsComeBeforeBuys()
    {
        var positions = new List<WalletPosition> { new("AAA", 1000m, 10m), new("BBB", 10m, 5m) };
        var navs = new Dictionary<string, decimal> { ["AAA"] = 10m, ["BBB"] = 5m, ["CCC"] = 2m };
        var targets = new Dictionary<string, decimal> { ["AAA"] = 0.4m, ["CCC"] = 0.4m };

        var plan = OrderPlanner.Plan(0m, positions, targets, navs, Sizing);

        var firstBuy = plan.Orders.ToList().FindIndex(o => o.Side == OrderSide.Buy);
        var lastSell = plan.Orders.ToList().FindLastIndex(o => o.Side == OrderSide.Sell);
        Assert.True(lastSell < firstBuy);
        Assert.Contains(plan.Orders, o => o is { Symbol: "BBB", Side: OrderSide.Sell, Shares: 10m });
        Assert.Contains(plan.Orders, o => o is { Symbol: "CCC", Side: OrderSide.Buy });
        Assert.True(plan.CashAfter >= 0m);
    }

    [Fact]
    public void Plan_SmallDifferences_PlacesNoOrderBelowMinimum()
    {
        var positions = new List<WalletPosition> { new("AAA", 50m, 10m), new("BBB", 49m, 10m) };
        var navs = new Dictionary<string, decimal> { ["AAA"] = 10m, ["BBB"] = 10m };
        var targets = new Dictionary<string, decimal> { ["AAA"] = 0.5m, ["BBB"] = 0.5m };

        var plan = OrderPlanner.Plan(10m, positions, targets, navs, Sizing);

        Assert.Empty(plan.Orders);
    }

    [Fact]
    public void Plan_WeightsAboveOne_Throws()
    {
        var navs = new Dictionary<string, decimal> { ["AAA"] = 1m, ["BBB"] = 1m };
        Assert.Throws<ArgumentException>(() => OrderPlanner.Plan(100m, [], new Dictionary<string, decimal> { ["AAA"] = 0.7m, ["BBB"] = 0.7m }, navs, Sizing));
    }

    [Fact]
    public void Plan_RandomWallets_CashNeverNegativeAndNeverSellsMoreThanHeld()
    {
        var gen =
            from cash in Gen.Choose(0, 1_000_000)
            from n in Gen.Choose(1, 6)
            from shares in Gen.ArrayOf(Gen.Choose(0, 100_000), n)
            from navCents in Gen.ArrayOf(Gen.Choose(1, 100_000), n)
            from raw in Gen.ArrayOf(Gen.Choose(0, 100), n)
            select (cash, shares, navCents, raw);

        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (cash, shares, navCents, raw) = t;
            var positions = new List<WalletPosition>();
            var navs = new Dictionary<string, decimal>();
            var targets = new Dictionary<string, decimal>();
            var rawSum = Math.Max(1, raw.Sum());
            for (var i = 0; i < shares.Length; i++)
            {
                var symbol = "T" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var nav = navCents[i] / 100m;
                navs[symbol] = nav;
                positions.Add(new WalletPosition(symbol, shares[i] / 10m, nav));
                targets[symbol] = Math.Round(0.95m * raw[i] / rawSum, 6, MidpointRounding.ToZero);
            }

            var plan = OrderPlanner.Plan(cash, positions, targets, navs, Sizing);

            var available = (decimal)cash;
            var seenBuy = false;
            foreach (var o in plan.Orders)
            {
                if (o.Side == OrderSide.Sell)
                {
                    Assert.False(seenBuy);
                    Assert.True(o.Shares <= positions.Single(p => p.Symbol == o.Symbol).Shares);
                    available += o.Amount - o.EstimatedFee;
                }
                else
                {
                    seenBuy = true;
                    available -= o.Amount;
                }

                Assert.True(o.Amount >= Sizing.MinTradeUsd);
                Assert.True(available >= 0m, "cash went negative");
            }
        }).QuickCheckThrowOnFailure();
    }
}
