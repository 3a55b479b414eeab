using FsCheck;
using FsCheck.Fluent;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Policy;

namespace TreasuryArena.Core.Tests.Policy;

/// <summary>Issue 21: every plan is fitted inside the IPS before it executes (<see cref="PolicyCheck.FitPlan"/>).</summary>
public sealed class PolicyPlanFitTests
{
    private static readonly InvestmentPolicy Church = InvestmentPolicy.Default with
    {
        MaxVolatileShare = 0.5m,
        MaxTokenWeight = 0.2m,
        ExcludedStrategies = ["momentum"],
        LiquidityReserveMonths = 6m,
        MonthlyExpenses = 2_000m,
    };

    private static PolicyHoldings Holdings(decimal cash, params (string Symbol, string Strategy, decimal Value)[] positions) =>
        new(cash, [.. positions.Select(p => new PolicyHoldings.Position(p.Symbol, p.Strategy, p.Value))]);

    private static PolicyPlanLine Buy(string symbol, decimal usd, string strategy = "hold") => new(symbol, strategy, OrderSide.Buy, usd);

    [Fact]
    public void FitPlan_BuyOverTokenCap_CutToTheCapNamingTheClause()
    {
        var fit = PolicyCheck.FitPlan(Church, Holdings(90_000m, ("A", "hold", 10_000m)), [Buy("A", 25_000m)]);

        Assert.Equal(10_000m, fit.Amounts[0]);
        var cut = Assert.Single(fit.Cuts);
        Assert.Equal(PolicyClause.MaxTokenWeight, cut.Clause);
        Assert.Equal("A", cut.Symbol);
        Assert.Contains("cut from $25,000.00 to $10,000.00", cut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FitPlan_TokenNotAllowed_DroppedWhateverTheRoom()
    {
        var fit = PolicyCheck.FitPlan(Church, Holdings(100_000m), [Buy("MOM", 1_000m, "momentum"), Buy("B", 5_000m)]);

        Assert.Equal([0m, 5_000m], fit.Amounts);
        Assert.Equal(PolicyClause.ExcludedStrategies, Assert.Single(fit.Cuts).Clause);
    }

    [Fact]
    public void FitPlan_ReserveBinds_BuysStopAtTheReserveAndSellsMakeRoomFirst()
    {
        // $12,000 reserve: with $20,000 cash only $8,000 may be bought, unless a sell (listed after the buy) frees more.
        var before = Holdings(20_000m, ("A", "hold", 15_000m), ("B", "hold", 15_000m));
        var reserveOnly = Church with { MaxVolatileShare = 1m, MaxTokenWeight = 1m };
        var alone = PolicyCheck.FitPlan(reserveOnly, before, [Buy("C", 10_000m)]);
        var withSell = PolicyCheck.FitPlan(reserveOnly, before, [Buy("C", 10_000m), new PolicyPlanLine("A", "hold", OrderSide.Sell, 5_000m, 10m)]);

        Assert.Equal(8_000m, alone.Amounts[0]);
        Assert.Equal(PolicyClause.LiquidityReserveMonths, Assert.Single(alone.Cuts).Clause);
        Assert.Equal(10_000m, withSell.Amounts[0]);
        Assert.Equal(5_000m, withSell.Amounts[1]);
        Assert.True(withSell.Whole);
    }

    [Fact]
    public void FitPlan_DefaultPolicy_NothingCut()
    {
        var fit = PolicyCheck.FitPlan(InvestmentPolicy.Default, Holdings(10_000m), [Buy("A", 9_000m), Buy("B", 1_000m, "momentum")]);

        Assert.True(fit.Whole);
        Assert.Equal([9_000m, 1_000m], fit.Amounts);
    }

    /// <summary>
    /// Property: from compliant holdings, any plan fitted and then applied (sells, then the kept buys, fees ignored as the
    /// fit does) leaves the holdings compliant with the caps and the reserve, and never buys a token that is not allowed.
    /// </summary>
    [Fact]
    public void FitPlan_AnyPlanFromCompliantHoldings_LeavesThemCompliant()
    {
        var symbols = new[] { ("A", "hold"), ("B", "trend"), ("C", "momentum"), ("D", "carry") };
        var gen =
            from cash in Gen.Choose(20_000, 200_000)
            from held in Gen.ArrayOf(Gen.Choose(0, 10_000), 4)
            from orders in Gen.ListOf(
                from which in Gen.Choose(0, 3)
                from sell in Gen.Elements(true, false)
                from usd in Gen.Choose(1, 60_000)
                select (which, sell, usd))
            select (Cash: (decimal)cash, Held: held, Orders: orders);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Arb.From(gen), c =>
        {
            var before = new PolicyHoldings(c.Cash, [.. symbols.Select((s, i) => new PolicyHoldings.Position(s.Item1, s.Item2, s.Item2 == "momentum" ? 0m : c.Held[i]))]);
            if (PolicyCheck.Breaches(Church, before).Count > 0)
            {
                return; // the property is about compliant holdings; a breach before the plan is the breach report's
            }

            var lines = c.Orders.Select(o => new PolicyPlanLine(symbols[o.which].Item1, symbols[o.which].Item2, o.sell ? OrderSide.Sell : OrderSide.Buy, o.usd)).ToList();
            var fit = PolicyCheck.FitPlan(Church, before, lines);
            var cash = before.Cash;
            var values = before.Positions.ToDictionary(p => p.Symbol, p => p.Value);
            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].Side == OrderSide.Sell)
                {
                    var sold = Math.Min(lines[i].Usd, values[lines[i].Symbol]);
                    values[lines[i].Symbol] -= sold;
                    cash += lines[i].Usd;
                }
            }

            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].Side == OrderSide.Buy)
                {
                    Assert.InRange(fit.Amounts[i], 0m, lines[i].Usd);
                    cash -= fit.Amounts[i];
                    values[lines[i].Symbol] += fit.Amounts[i];
                    if (lines[i].StrategyId == "momentum")
                    {
                        Assert.Equal(0m, fit.Amounts[i]);
                    }
                }
            }

            var total = cash + values.Values.Sum();
            Assert.True(cash >= Church.LiquidityReserveUsd - 0.01m, $"cash {cash}");
            Assert.True(values.Values.Sum() <= (Church.MaxVolatileShare * total) + 0.01m, $"volatile {values.Values.Sum()} of {total}");
            Assert.All(values, kv => Assert.True(kv.Value <= (Church.MaxTokenWeight * total) + 0.01m, $"{kv.Key} {kv.Value} of {total}"));
        }));
    }
}
