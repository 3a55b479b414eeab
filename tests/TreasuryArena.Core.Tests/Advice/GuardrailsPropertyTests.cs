using FsCheck;
using FsCheck.Fluent;
using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Tests.Advice;

/// <summary>For random portfolios, proposals, advisor answers and limits, what the guardrails let through never breaks a limit.</summary>
public sealed class GuardrailsPropertyTests
{
    private static readonly (string Asset, AssetClass Class)[] Universe =
    [
        ("BTC", AssetClass.Volatile), ("ETH", AssetClass.Volatile), ("AAVE-USDC", AssetClass.Yield), ("PENDLE-PT", AssetClass.Yield), ("CURVE-LP", AssetClass.Yield),
    ];

    private const decimal Tolerance = 0.000001m;

    public sealed record Case(PortfolioSnapshot Portfolio, RebalanceProposal Proposal, Decision Decision, GuardrailLimits Limits);

    private static Gen<decimal> Money(int maxDollars) => Gen.Choose(0, maxDollars).Select(d => (decimal)d + 0.37m);

    private static Gen<decimal> Fraction(int minPercent, int maxPercent) => Gen.Choose(minPercent, maxPercent).Select(p => p / 100m);

    private static Gen<PortfolioSnapshot> Portfolios =>
        from cash in Money(100_000)
        from values in Gen.CollectToList(Universe.Select(_ => Gen.Frequency((1, Gen.Constant(0m)), (4, Money(200_000)))))
        from peakUp in Fraction(0, 80)
        let positions = Universe.Select((u, i) => new PositionValue(u.Asset, "v", u.Class, values[i])).Where(p => p.Value > 0m).ToList()
        let total = cash + positions.Sum(p => p.Value)
        select new PortfolioSnapshot(cash, positions, total * (1m + peakUp));

    private static Gen<TradeOrder> Order((string Asset, AssetClass Class) u) =>
        from side in Gen.Elements(OrderSide.Buy, OrderSide.Sell)
        from notional in Gen.Choose(1, 250_000)
        from feeBps in Gen.Choose(0, 100)
        from slipBps in Gen.Choose(0, 100)
        select new TradeOrder(u.Asset, "v", u.Class, side, notional, notional * feeBps / 10_000m, notional * slipBps / 10_000m);

    private static Gen<RebalanceProposal> Proposals =>
        from assets in Gen.SubListOf(Universe)
        from orders in Gen.CollectToList(assets.Select(Order))
        select new RebalanceProposal(new DateOnly(2024, 1, 1), "test", orders);

    private static Gen<DecisionAdjustments?> Adjustments =>
        Gen.Frequency(
            (1, Gen.Constant<DecisionAdjustments?>(null)),
            (3, from overall in Gen.Frequency((1, Gen.Constant<decimal?>(null)), (3, Gen.Choose(-50, 300).Select(p => (decimal?)(p / 100m))))
                from per in Gen.SubListOf(Universe.Select(u => u.Asset).Append("DOGE"))
                from scales in Gen.CollectToList(per.Select(_ => Gen.Choose(-50, 400).Select(p => p / 100m)))
                select (DecisionAdjustments?)new DecisionAdjustments(overall, per.Select((a, i) => new OrderAdjustment(a, scales[i])).ToList())));

    private static Gen<Decision> Decisions =>
        from action in Gen.Elements(Enum.GetValues<DecisionAction>())
        from confidence in Gen.Choose(0, 100)
        from adjustments in Adjustments
        select new Decision(DecisionKind.RebalanceApproval, action, "random advisor answer", confidence, "random") { Adjustments = adjustments };

    private static Gen<GuardrailLimits> Limits =>
        from maxWeight in Fraction(5, 100)
        from minHoldings in Gen.Choose(0, 5)
        from maxVolatile in Fraction(5, 100)
        from turnover in Fraction(1, 100)
        from breaker in Fraction(5, 100)
        from holds in Gen.SubListOf(Universe.Select(u => u.Asset))
        select new GuardrailLimits(maxWeight, minHoldings, maxVolatile, turnover, breaker, new HashSet<string>(holds, StringComparer.OrdinalIgnoreCase));

    private static Gen<Case> Cases =>
        from portfolio in Portfolios
        from proposal in Proposals
        from decision in Decisions
        from limits in Limits
        select new Case(portfolio, proposal, decision, limits);

    private static void Check(Func<Case, bool> property) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), Prop.ForAll(Cases.ToArbitrary(), property));

    [Fact]
    public void Apply_RandomAdvisorAnswers_OnlyNarrowTheProposal()
    {
        Check(c =>
        {
            var outcome = Guardrails.Apply(c.Portfolio, c.Proposal, c.Decision, c.Limits);
            if (!c.Decision.Acts && outcome.Orders.Count > 0)
            {
                return false;
            }

            return outcome.Orders.All(o => c.Proposal.Orders.Any(p => p.Asset == o.Asset && p.Side == o.Side && o.Notional <= p.Notional));
        });
    }

    [Fact]
    public void Apply_RandomProposals_ExecutedOrdersNeverBreakALimit()
    {
        Check(c =>
        {
            var outcome = Guardrails.Apply(c.Portfolio, c.Proposal, c.Decision, c.Limits);
            var before = c.Portfolio.Positions.ToDictionary(p => p.Asset, p => p.Value);
            var after = new Dictionary<string, decimal>(before);
            var cash = c.Portfolio.Cash;
            var nav = c.Portfolio.TotalValue;
            decimal sold = 0m, bought = 0m;
            foreach (var o in outcome.Orders)
            {
                if (c.Limits.IsHeld(o.Asset))
                {
                    return false;
                }

                if (o.Side == OrderSide.Sell)
                {
                    after[o.Asset] = after.GetValueOrDefault(o.Asset) - o.Notional;
                    cash += o.Notional - o.EstimatedCost;
                    sold += o.Notional;
                }
                else
                {
                    if (o.AssetClass == AssetClass.Volatile && c.Portfolio.Drawdown >= c.Limits.DrawdownBreaker)
                    {
                        return false;
                    }

                    after[o.Asset] = after.GetValueOrDefault(o.Asset) + o.Notional;
                    cash -= o.Notional + o.EstimatedCost;
                    bought += o.Notional;
                }
            }

            var navAfter = cash + after.Values.Sum();
            var volBefore = c.Portfolio.VolatileValue;
            var volAfter = after.Where(kv => Universe.First(u => u.Asset == kv.Key).Class == AssetClass.Volatile).Sum(kv => kv.Value);
            var openBefore = before.Count(kv => kv.Value > 0m);
            var openAfter = after.Count(kv => kv.Value > 0m);
            return cash >= -Tolerance
                && after.Values.All(v => v >= -Tolerance)
                && after.All(kv => kv.Value <= before.GetValueOrDefault(kv.Key) + Tolerance || kv.Value <= (c.Limits.MaxAssetWeight * navAfter) + Tolerance)
                && (volAfter <= volBefore + Tolerance || volAfter <= (c.Limits.MaxVolatileShare * navAfter) + Tolerance)
                && sold <= (c.Limits.MaxTurnover * nav) + Tolerance
                && bought <= (c.Limits.MaxTurnover * nav) + Tolerance
                && (openAfter >= Math.Min(c.Limits.MinHoldings, openBefore) || openAfter >= openBefore);
        });
    }
}
