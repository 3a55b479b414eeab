using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Wallets.Optimization;
using TradeOrder = TreasuryArena.Core.Advice.TradeOrder;

namespace TreasuryArena.Core.Tests.WalletOptimization;

public sealed class WalletRebalancerTests
{
    /// <summary>
    /// Issue 16: the demo's FULL_AI wallets sold FGC "in full" (11,574.23650732 shares at NAV 1.20052325, notional
    /// 13,895.14… USD); the guardrails rounded the notional down to cents and the order was scaled by that ratio, leaving
    /// 0.00039287 shares. The cents rounding is no cut: every share is sold.
    /// </summary>
    [Fact]
    public void Bug_16_FullExitThroughGuardrails_SellsEveryShare()
    {
        const decimal held = 11_574.23650732m;
        const decimal nav = 1.20052325m;
        var sell = new RebalanceOrder("FGC", OrderSide.Sell, held, held * nav, 138.96m, nav);
        var buy = new RebalanceOrder("DCA", OrderSide.Buy, 5_000m, 6_000m, 60m, 1.14636899m);
        var portfolio = new PortfolioSnapshot(1_000m,
        [
            new PositionValue("FGC", "token", AssetClass.Volatile, held * nav),
            new PositionValue("DCA", "token", AssetClass.Volatile, 20_000m),
            new PositionValue("RPAR", "token", AssetClass.Volatile, 20_000m),
            new PositionValue("MACX", "token", AssetClass.Volatile, 20_000m),
        ], 0m);
        var proposal = new RebalanceProposal(new DateOnly(2025, 10, 5), "wallet optimizer",
        [
            new TradeOrder("FGC", "token", AssetClass.Volatile, OrderSide.Sell, sell.Amount, sell.EstimatedFee, 0m),
            new TradeOrder("DCA", "token", AssetClass.Volatile, OrderSide.Buy, buy.Amount - buy.EstimatedFee, buy.EstimatedFee, 0m),
        ]);
        var approve = new Decision(DecisionKind.RebalanceApproval, DecisionAction.Approve, "approved", 80, Decision.RulesAdvisor);
        var guarded = Guardrails.Apply(portfolio, proposal, approve, new GuardrailLimits(1m, 1, 1m, 1m, 1m, new HashSet<string>()));
        Assert.Equal(Math.Round(sell.Amount, 2, MidpointRounding.ToZero), guarded.Orders.Single(o => o.Asset == "FGC").Notional);

        var orders = WalletRebalancer.FromGuarded([sell, buy], guarded.Orders);

        Assert.Equal(held, orders.Single(o => o.Symbol == "FGC").Shares);
        Assert.Same(sell, orders.Single(o => o.Symbol == "FGC"));
        Assert.Same(buy, orders.Single(o => o.Symbol == "DCA"));
    }

    [Fact]
    public void FromGuarded_RealCut_ScalesSharesDown()
    {
        var sell = new RebalanceOrder("FGC", OrderSide.Sell, 1_000m, 1_200.52325m, 12.01m, 1.20052325m);
        var cut = new TradeOrder("FGC", "token", AssetClass.Volatile, OrderSide.Sell, 600.26m, 6.01m, 0m);

        var order = Assert.Single(WalletRebalancer.FromGuarded([sell], [cut]));

        Assert.Equal(499.99864642m, order.Shares);
        Assert.True(order.Amount <= 600.26m, $"{order.Amount}");
    }
}
