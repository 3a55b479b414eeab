using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Tests.Advice;

public sealed class GuardrailsTests
{
    private static readonly PortfolioSnapshot Portfolio = new(
        10_000m,
        [
            new PositionValue("BTC", "paper", AssetClass.Volatile, 100_000m),
            new PositionValue("ETH", "paper", AssetClass.Volatile, 40_000m),
            new PositionValue("AAVE-USDC", "aave", AssetClass.Yield, 100_000m),
            new PositionValue("PENDLE-PT", "pendle", AssetClass.Yield, 80_000m),
            new PositionValue("CURVE-LP", "curve", AssetClass.Yield, 70_000m),
        ],
        400_000m);

    private static TradeOrder Buy(string asset, AssetClass c, decimal n) => new(asset, "v", c, OrderSide.Buy, n, n * 0.001m, n * 0.001m);

    private static TradeOrder Sell(string asset, AssetClass c, decimal n) => new(asset, "v", c, OrderSide.Sell, n, n * 0.001m, n * 0.001m);

    private static Decision Answer(DecisionAction action, DecisionAdjustments? adjustments = null) =>
        new(DecisionKind.RebalanceApproval, action, "test", 50, "test") { Adjustments = adjustments };

    private static RebalanceProposal Proposal(params TradeOrder[] orders) => new(new DateOnly(2024, 1, 1), "test", orders);

    [Fact]
    public void Apply_Reject_ExecutesNothing()
    {
        var outcome = Guardrails.Apply(Portfolio, Proposal(Sell("AAVE-USDC", AssetClass.Yield, 5_000m), Buy("ETH", AssetClass.Volatile, 4_000m)), Answer(DecisionAction.Reject), GuardrailLimits.Default);
        Assert.Empty(outcome.Orders);
        Assert.Empty(outcome.Interventions);
    }

    [Fact]
    public void Apply_ScaleAboveOne_IsCutBackAndRecorded()
    {
        var proposal = Proposal(Sell("AAVE-USDC", AssetClass.Yield, 5_000m));
        var outcome = Guardrails.Apply(Portfolio, proposal, Answer(DecisionAction.Shrink, DecisionAdjustments.Uniform(3m)), GuardrailLimits.Default);
        Assert.Equal(5_000m, Assert.Single(outcome.Orders).Notional);
        Assert.True(outcome.WideningAttempted);
        var cut = Assert.Single(outcome.Interventions);
        Assert.Equal(15_000m, cut.Requested);
        Assert.Equal(5_000m, cut.Allowed);
    }

    [Fact]
    public void Apply_AdjustmentForAssetNotProposed_IsRecordedAsWidening()
    {
        var adjustments = new DecisionAdjustments(null, [new OrderAdjustment("DOGE", 1m)]);
        var outcome = Guardrails.Apply(Portfolio, Proposal(Sell("AAVE-USDC", AssetClass.Yield, 5_000m)), Answer(DecisionAction.Approve, adjustments), GuardrailLimits.Default);
        Assert.Single(outcome.Orders);
        Assert.Contains(outcome.Interventions, i => i.Rule == Guardrails.Widening && i.Asset == "DOGE");
    }

    [Fact]
    public void Apply_ShrinkWithPerAssetScale_ScalesThatOrderAndItsCosts()
    {
        var adjustments = new DecisionAdjustments(1m, [new OrderAdjustment("AAVE-USDC", 0.25m)]);
        var outcome = Guardrails.Apply(Portfolio, Proposal(Sell("AAVE-USDC", AssetClass.Yield, 8_000m), Sell("CURVE-LP", AssetClass.Yield, 2_000m)), Answer(DecisionAction.Shrink, adjustments), GuardrailLimits.Default);
        var aave = outcome.Orders.Single(o => o.Asset == "AAVE-USDC");
        Assert.Equal(2_000m, aave.Notional);
        Assert.Equal(2m, aave.EstimatedFee);
        Assert.Equal(2_000m, outcome.Orders.Single(o => o.Asset == "CURVE-LP").Notional);
    }

    [Fact]
    public void Apply_BuyPastVolatileShare_IsCutToTheLimit()
    {
        // Volatile is 140k of 450k; the 40% cap leaves about 40k of room, 31k after the ETH buy.
        var rich = Portfolio with { Cash = 60_000m };
        var outcome = Guardrails.Apply(rich, Proposal(Buy("ETH", AssetClass.Volatile, 9_000m), Buy("BTC", AssetClass.Volatile, 50_000m)), Answer(DecisionAction.Approve), GuardrailLimits.Default);
        var volatileAfter = 140_000m + outcome.Orders.Sum(o => o.Notional);
        Assert.True(volatileAfter <= 0.40m * (450_000m - outcome.Orders.Sum(o => o.EstimatedCost)));
        Assert.True(volatileAfter > 0.399m * 450_000m);
        Assert.Equal(9_000m, outcome.Orders.Single(o => o.Asset == "ETH").Notional);
        Assert.Contains(outcome.Interventions, i => i.Rule == Guardrails.MaxVolatileShare && i.Asset == "BTC");
    }

    [Fact]
    public void Apply_ComplianceHold_BlocksOrdersOnThatAsset()
    {
        var limits = GuardrailLimits.Default with { ComplianceHolds = new HashSet<string>(["CURVE-LP"], StringComparer.OrdinalIgnoreCase) };
        var outcome = Guardrails.Apply(Portfolio, Proposal(Sell("CURVE-LP", AssetClass.Yield, 5_000m), Sell("AAVE-USDC", AssetClass.Yield, 5_000m)), Answer(DecisionAction.Approve), limits);
        Assert.DoesNotContain(outcome.Orders, o => o.Asset == "CURVE-LP");
        Assert.Contains(outcome.Interventions, i => i.Rule == Guardrails.ComplianceHold);
    }

    [Fact]
    public void Apply_DrawdownPastBreaker_BlocksVolatileBuysButNotSells()
    {
        var stressed = Portfolio with { PeakValue = 800_000m };
        var outcome = Guardrails.Apply(stressed, Proposal(Sell("BTC", AssetClass.Volatile, 10_000m), Buy("ETH", AssetClass.Volatile, 5_000m), Buy("AAVE-USDC", AssetClass.Yield, 5_000m)), Answer(DecisionAction.Approve), GuardrailLimits.Default);
        Assert.Equal(["BTC", "AAVE-USDC"], outcome.Orders.Select(o => o.Asset));
        Assert.Contains(outcome.Interventions, i => i.Rule == Guardrails.DrawdownBreaker && i.Asset == "ETH");
    }

    [Fact]
    public void Apply_SellClosingPositionBelowMinHoldings_IsRefused()
    {
        var limits = GuardrailLimits.Default with { MinHoldings = 5 };
        var outcome = Guardrails.Apply(Portfolio, Proposal(Sell("ETH", AssetClass.Volatile, 40_000m)), Answer(DecisionAction.Approve), limits);
        Assert.Empty(outcome.Orders);
        Assert.Contains(outcome.Interventions, i => i.Rule == Guardrails.MinDiversification);
    }

    [Fact]
    public void Apply_TurnoverCap_LimitsEachSide()
    {
        var limits = GuardrailLimits.Default with { MaxTurnover = 0.05m };
        var outcome = Guardrails.Apply(Portfolio, Proposal(Sell("AAVE-USDC", AssetClass.Yield, 50_000m)), Answer(DecisionAction.Approve), limits);
        Assert.Equal(20_000m, Assert.Single(outcome.Orders).Notional);
        Assert.Contains(outcome.Interventions, i => i.Rule == Guardrails.MaxTurnover);
    }
}
