using FsCheck;
using FsCheck.Fluent;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Tests.Ledger;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Core.Tests.WalletOptimization;

/// <summary>Issue 18, "a plan is one decision": held as a unit, released whole, and no executed state above the cap.</summary>
public sealed class PlanExecutorTests
{
    private static readonly WalletOptimizerOptions Options = new();
    private static readonly Guid Org = Guid.Parse("0f8e2a51-3c1b-4d7e-9a60-5b2c8d9e1f00");
    private static readonly string[] Symbols = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF"];
    private static readonly Caller Admin = new(Guid.Empty, Guid.Empty, "admin", null, Role.Admin);

    private sealed record Setup(LedgerService Ledger, PlanGate Gate, PlanExecutor Executor, string Address) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Ledger.DisposeAsync();
    }

    private static async Task<Setup> SetupAsync(decimal cash, IReadOnlyDictionary<string, decimal>? buys = null, IReadOnlyDictionary<string, decimal>? navs = null, MonitoringRules? rules = null)
    {
        var ledger = LedgerService.InMemory(new LedgerFakeTime());
        foreach (var s in Symbols)
        {
            await LedgerTestKit.TokenAsync(ledger, s, nav: navs?.GetValueOrDefault(s, 1m) ?? 1m);
        }

        var w = await ledger.CreateWalletAsync(Org.ToString(), WalletMode.FullAi, RiskTolerance.Moderate, "wallet");
        Assert.True((await ledger.DepositAsync(w.Address!, Money.Usd(cash), "deposit")).Accepted);
        foreach (var (s, amount) in buys ?? new Dictionary<string, decimal>())
        {
            Assert.True((await ledger.BuyAsync(w.Address!, s, Money.Usd(amount), "setup:" + s)).Accepted);
        }

        var gate = new PlanGate(rules ?? new MonitoringRules());
        var desk = new TradeDesk(ledger, gate);
        return new Setup(ledger, gate, new PlanExecutor(ledger, desk, Options), w.Address!);
    }

    private static OrderPlan PlanFor(Setup s, IReadOnlyDictionary<string, decimal> targets)
    {
        var view = s.Ledger.GetWallet(s.Address)!;
        var positions = view.Holdings.Select(h => new WalletPosition(h.Symbol, h.Shares.Value, s.Ledger.GetToken(h.Symbol)!.NavPerShare.Value)).ToList();
        var navs = Symbols.ToDictionary(x => x, x => s.Ledger.GetToken(x)!.NavPerShare.Value, StringComparer.Ordinal);
        return OrderPlanner.Plan(view.Cash.Amount, positions, targets, navs, Options.Sizing);
    }

    private static Dictionary<string, decimal> Weights(Setup s)
    {
        var view = s.Ledger.GetWallet(s.Address)!;
        var positions = view.Holdings.Where(h => !h.Shares.IsZero).Select(h => new WalletPosition(h.Symbol, h.Shares.Value, s.Ledger.GetToken(h.Symbol)!.NavPerShare.Value)).ToList();
        var navs = Symbols.ToDictionary(x => x, x => s.Ledger.GetToken(x)!.NavPerShare.Value, StringComparer.Ordinal);
        return PlanCaps.WeightsAfter(view.Cash.Amount, positions, [], navs, 0m);
    }

    private static (decimal Cash, Dictionary<string, decimal> Shares) State(Setup s)
    {
        var view = s.Ledger.GetWallet(s.Address)!;
        return (view.Cash.Amount, view.Holdings.ToDictionary(h => h.Symbol, h => h.Shares.Value, StringComparer.Ordinal));
    }

    private static readonly Dictionary<string, decimal> FiveEqual = new(StringComparer.Ordinal)
    {
        ["AAA"] = 0.2m, ["BBB"] = 0.2m, ["CCC"] = 0.2m, ["DDD"] = 0.2m, ["EEE"] = 0.2m,
    };

    [Fact]
    public async Task Execute_OneOrderAboveMonitoringLimit_WholePlanHeldNoneExecuted()
    {
        // $61,000 in AAA and $40,000 cash: back to 20% each means selling about $40,500 of AAA (above $25,000) and four
        // buys of about $20,000 (each below it).
        await using var s = await SetupAsync(101_000m, new Dictionary<string, decimal> { ["AAA"] = 61_000m });
        var plan = PlanFor(s, FiveEqual);
        Assert.Single(plan.Orders, o => o.Amount > 25_000m);
        Assert.Equal(5, plan.Orders.Count);
        var before = State(s);

        var outcome = await s.Executor.ExecuteAsync(Org, s.Address, plan.Orders, "full", FiveEqual, "rebalance:test", "wallet-optimizer", TradeSource.Job, CancellationToken.None);

        Assert.NotNull(outcome.Held);
        Assert.Empty(outcome.Executions);
        Assert.Equal(0, s.Gate.Checks);
        var after = State(s);
        Assert.Equal(before.Cash, after.Cash);
        Assert.Equal(before.Shares, after.Shares);
        var hold = Assert.Single(s.Gate.Holds);
        Assert.True(hold.IsPlan);
        Assert.Equal(5, HeldPlan.Parse(hold.Request).Orders.Count);
        Assert.Contains(hold.Reasons, r => r.StartsWith("sell AAA: trade of $", StringComparison.Ordinal));
        Assert.Contains("A plan is one decision", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Release_HeldPlan_ExecutesEveryOrderWithinTheCap()
    {
        await using var s = await SetupAsync(101_000m, new Dictionary<string, decimal> { ["AAA"] = 61_000m });
        var plan = PlanFor(s, FiveEqual);
        var held = (await s.Executor.ExecuteAsync(Org, s.Address, plan.Orders, "full", FiveEqual, "rebalance:test", "wallet-optimizer", TradeSource.Job, CancellationToken.None)).Held!;

        var released = await s.Executor.ReleaseAsync(held, Admin, CancellationToken.None);

        Assert.Equal(5, released.Executions.Count);
        Assert.All(released.Executions, e => Assert.True(e.Executed, e.Message));
        var weights = Weights(s);
        Assert.Equal(5, weights.Count);
        Assert.All(weights.Values, w => Assert.InRange(w, 0.19m, Options.MaxWeight + Options.CapTolerance));
        Assert.Contains("5 of 5 orders executed", released.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Release_NavMovedBeyondTolerance_NothingExecutes()
    {
        await using var s = await SetupAsync(101_000m, new Dictionary<string, decimal> { ["AAA"] = 61_000m });
        var plan = PlanFor(s, FiveEqual);
        var held = (await s.Executor.ExecuteAsync(Org, s.Address, plan.Orders, "full", FiveEqual, "rebalance:test", "wallet-optimizer", TradeSource.Job, CancellationToken.None)).Held!;
        Assert.True((await s.Ledger.RevalueAsync("CCC", UnitPrice.Of(1.05m), "nav")).Accepted);
        var before = State(s);

        var released = await s.Executor.ReleaseAsync(held, Admin, CancellationToken.None);

        Assert.Empty(released.Executions);
        Assert.Contains("CCC NAV moved 5.00 %", released.Message, StringComparison.Ordinal);
        Assert.Equal(before.Cash, State(s).Cash);
        Assert.Equal(before.Shares, State(s).Shares);
    }

    [Fact]
    public async Task Execute_PositionAboveCapLeftByAnOrderThatFailed_TrimmedAfterExecution()
    {
        // AAA is 30% of the wallet; the plan's AAA sell was quoted at a NAV that moved 3% (refused by slippage
        // protection) while its buys execute: the check after execution sells AAA back to the cap.
        await using var s = await SetupAsync(100_000m, new Dictionary<string, decimal> { ["AAA"] = 30_300m });
        var plan = PlanFor(s, FiveEqual);
        Assert.Contains(plan.Orders, o => o.Symbol == "AAA" && o.Side == OrderSide.Sell);
        Assert.True((await s.Ledger.RevalueAsync("AAA", UnitPrice.Of(0.97m), "nav")).Accepted);

        var outcome = await s.Executor.ExecuteAsync(Org, s.Address, plan.Orders, "full", FiveEqual, "rebalance:test", "wallet-optimizer", TradeSource.Job, CancellationToken.None);

        Assert.Contains(outcome.Executions, e => e.Symbol == "AAA" && e.Status == "refused");
        Assert.Contains("Cap check after execution: sold AAA executed", outcome.Message, StringComparison.Ordinal);
        Assert.All(Weights(s).Values, w => Assert.True(w <= Options.MaxWeight + Options.CapTolerance, w.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Random wallets (cash and up to six positions at random NAVs), random capped targets, and NAV moves between the
    /// plan and its execution of up to ±4% (some orders refused by the 2% slippage protection, so plans execute partly):
    /// after every execution no position is above the cap plus its tolerance.
    /// </summary>
    [Fact]
    public void Execute_RandomPlans_NoExecutedStateAboveCap()
    {
        var gen =
            from cash in Gen.Choose(0, 200_000)
            from held in Gen.ArrayOf(Gen.Choose(0, 60_000), Symbols.Length)
            from navs in Gen.ArrayOf(Gen.Choose(5, 5_000), Symbols.Length)
            from targets in Gen.ArrayOf(Gen.Choose(0, 20), Symbols.Length)
            from moves in Gen.ArrayOf(Gen.Choose(-40, 40), Symbols.Length)
            select (cash, held, navs, targets, moves);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), Prop.ForAll(Arb.From(gen), c => RunAsync(c.cash, c.held, c.navs, c.targets, c.moves).GetAwaiter().GetResult()));
    }

    [Fact]
    public async Task Execute_TrimFeeWouldPushAnotherPositionOverTheCap_ItIsTrimmedToo() => // the case FsCheck found in CI (FFF at 20.05% after AAA's trim fee)
        Assert.True(await RunAsync(41675, [59206, 30974, 19698, 37829, 3212, 46316], [1650, 2450, 2788, 2171, 3769, 243], [18, 16, 4, 1, 9, 3], [-25, 37, -40, -29, -40, 32]));

    private static async Task<bool> RunAsync(int cash, int[] held, int[] navs, int[] targets, int[] moves)
    {
        var buys = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var navBy = new Dictionary<string, decimal>(StringComparer.Ordinal);
        for (var i = 0; i < Symbols.Length; i++)
        {
            navBy[Symbols[i]] = navs[i] / 100m;
            if (held[i] >= 100)
            {
                buys[Symbols[i]] = held[i];
            }
        }

        // Monitoring off: every plan executes, so the property is about execution, not holds.
        await using var s = await SetupAsync(cash + buys.Values.Sum() + 1m, buys, navBy, new MonitoringRules { MaxTradeUsd = 0m, MaxWalletFraction = 0m });
        var weights = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var scale = Math.Max(1, targets.Sum()) > 100 ? 100m / targets.Sum() : 1m;
        for (var i = 0; i < Symbols.Length; i++)
        {
            if (targets[i] > 0)
            {
                weights[Symbols[i]] = Math.Round(targets[i] / 100m * scale, 6, MidpointRounding.ToZero);
            }
        }

        var plan = PlanFor(s, weights);
        for (var i = 0; i < Symbols.Length; i++)
        {
            var nav = s.Ledger.GetToken(Symbols[i])!.NavPerShare.Value;
            Assert.True((await s.Ledger.RevalueAsync(Symbols[i], UnitPrice.Of(Math.Round(nav * (1m + (moves[i] / 1000m)), 8, MidpointRounding.ToEven)), "move" + i)).Accepted);
        }

        var outcome = await s.Executor.ExecuteAsync(Org, s.Address, plan.Orders, "full", weights, "rebalance:p", "wallet-optimizer", TradeSource.Job, CancellationToken.None);
        Assert.Null(outcome.Held);
        return Weights(s).Values.All(w => w <= Options.MaxWeight + Options.CapTolerance);
    }
}
