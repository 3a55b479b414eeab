using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Infrastructure.Tests.Tokens;

/// <summary>
/// Issue 18, "a plan is one decision", through the real compliance gate, SQLite store, audit log and stored notifier:
/// a plan with one order above the $25,000 monitoring limit is held as one item (nothing executes), released whole or
/// rejected whole through <see cref="HoldReview"/>, superseded by a newer plan, and expires after 72 hours with a
/// notification.
/// </summary>
public sealed class HeldPlanTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly string[] Symbols = ["AAA", "BBB", "CCC", "DDD", "EEE"];
    private static readonly Caller Admin = new(Guid.NewGuid(), Guid.NewGuid(), "admin", null, Role.Admin);

    private static readonly Dictionary<string, decimal> FiveEqual = Symbols.ToDictionary(s => s, _ => 0.2m, StringComparer.Ordinal);

    private static async Task<(TokensFixture F, string Wallet, PlanExecutor Plans)> SetupAsync()
    {
        var f = await TokensFixture.CreateAsync();
        foreach (var s in Symbols)
        {
            Assert.True((await f.Runtime.Ledger.CreateTokenAsync(s, s + " strategy", "strat-" + s, UnitPrice.Of(1m), new DateOnly(2026, 1, 1))).Accepted);
            Assert.True((await f.Runtime.Ledger.ChangeTokenStatusAsync(s, TokenStatus.Active)).Accepted);
        }

        var wallet = await f.WalletAsync(Plan.Premium, WalletMode.FullAi, RiskTolerance.Moderate, 101_000m);
        Assert.True((await f.Runtime.Ledger.BuyAsync(wallet, "AAA", Money.Usd(61_000m), "setup")).Accepted);
        return (f, wallet, new PlanExecutor(f.Runtime.Ledger, f.Runtime.Desk, f.Runtime.Settings.Optimizer.Wallet));
    }

    private static async Task<PlanOutcome> PlanAsync(TokensFixture f, string wallet, PlanExecutor plans, string key)
    {
        var rt = f.Runtime;
        var view = rt.Ledger.GetWallet(wallet)!;
        var positions = view.Holdings.Select(h => new WalletPosition(h.Symbol, h.Shares.Value, rt.Ledger.GetToken(h.Symbol)!.NavPerShare.Value)).ToList();
        var navs = Symbols.ToDictionary(s => s, s => rt.Ledger.GetToken(s)!.NavPerShare.Value, StringComparer.Ordinal);
        var plan = OrderPlanner.Plan(view.Cash.Amount, positions, FiveEqual, navs, rt.Settings.Optimizer.Wallet.Sizing);
        return await plans.ExecuteAsync(f.Orgs[Plan.Premium], wallet, plan.Orders, "full", FiveEqual, key, WalletRebalancer.Actor, TradeSource.Job, Ct);
    }

    [Fact]
    public async Task Plan_OneOrderAboveLimit_HeldAsOneItemThenReleasedWhole()
    {
        var (f, wallet, plans) = await SetupAsync();
        await using var _ = f;
        var rt = f.Runtime;
        var cash = rt.Ledger.GetWallet(wallet)!.Cash.Amount;

        var outcome = await PlanAsync(f, wallet, plans, "rebalance:1");

        Assert.NotNull(outcome.Held);
        Assert.Empty(outcome.Executions);
        Assert.Equal(cash, rt.Ledger.GetWallet(wallet)!.Cash.Amount);
        Assert.Equal(1, rt.Ledger.TradesOn(wallet, DateOnly.FromDateTime(f.Clock.GetUtcNow().UtcDateTime))); // the setup buy only
        var hold = Assert.Single(await rt.ComplianceStore.ListHoldsAsync(HoldStatus.Held, null, Ct));
        Assert.True(hold.IsPlan);
        Assert.Equal(5, HeldPlan.Parse(hold.Request).Orders.Count);
        Assert.Contains(await rt.ComplianceStore.ListNotificationsAsync(null, 50, Ct), n => n.Kind == "plan_held" && n.Message.Contains("as one decision", StringComparison.Ordinal));

        var decision = await rt.Holds.ReleaseAsync(Admin, hold.Id, Ct);

        Assert.Equal(HoldStatus.Released, decision.Hold.Status);
        Assert.Equal(5, decision.PlanExecutions.Count);
        Assert.All(decision.PlanExecutions, e => Assert.True(e.Executed, e.Message));
        var view = rt.Ledger.GetWallet(wallet)!;
        var total = rt.Desk.WalletValue(view);
        Assert.All(view.Holdings, h => Assert.True(h.Shares.Value * rt.Ledger.GetToken(h.Symbol)!.NavPerShare.Value / total <= 0.2005m));
        Assert.Equal(5, view.Holdings.Count(h => !h.Shares.IsZero));
    }

    [Fact]
    public async Task Plan_Rejected_NoneOfItsOrdersExecutes()
    {
        var (f, wallet, plans) = await SetupAsync();
        await using var _ = f;
        var rt = f.Runtime;
        var hold = (await PlanAsync(f, wallet, plans, "rebalance:1")).Held!;

        var rejected = await rt.Holds.RejectAsync(Admin, hold.Id, "not now", Ct);

        Assert.Equal(HoldStatus.Rejected, rejected.Status);
        Assert.Equal(40_000m, rt.Ledger.GetWallet(wallet)!.Cash.Amount);
        var again = await Assert.ThrowsAsync<DomainException>(() => rt.Holds.ReleaseAsync(Admin, hold.Id, Ct));
        Assert.Equal("hold_already_decided", again.Code);
    }

    [Fact]
    public async Task Plan_NewerPlanForTheWallet_SupersedesTheHeldOne()
    {
        var (f, wallet, plans) = await SetupAsync();
        await using var _ = f;
        var first = (await PlanAsync(f, wallet, plans, "rebalance:1")).Held!;

        var second = (await PlanAsync(f, wallet, plans, "rebalance:2")).Held!;

        Assert.Equal(HoldStatus.Superseded, (await f.Runtime.ComplianceStore.FindHoldAsync(first.Id, Ct))!.Status);
        Assert.Equal(second.Id, Assert.Single(await f.Runtime.ComplianceStore.ListHoldsAsync(HoldStatus.Held, null, Ct)).Id);
    }

    [Fact]
    public async Task Hold_Undecided72Hours_ExpiresWithNotificationAndCannotBeReleased()
    {
        var (f, wallet, plans) = await SetupAsync();
        await using var _ = f;
        var rt = f.Runtime;
        var hold = (await PlanAsync(f, wallet, plans, "rebalance:1")).Held!;
        f.Clock.Advance(TimeSpan.FromHours(71));
        Assert.Empty(await rt.Holds.ExpireAsync(Ct));

        f.Clock.Advance(TimeSpan.FromHours(1));
        var late = await Assert.ThrowsAsync<DomainException>(() => rt.Holds.ReleaseAsync(Admin, hold.Id, Ct));

        Assert.Equal("hold_expired", late.Code);
        var stored = (await rt.ComplianceStore.FindHoldAsync(hold.Id, Ct))!;
        Assert.Equal(HoldStatus.Expired, stored.Status);
        Assert.Equal(HoldReview.ExpiryActor, stored.DecidedBy);
        Assert.StartsWith("expired: not decided within 72 h", stored.Result, StringComparison.Ordinal);
        Assert.Contains(await rt.ComplianceStore.ListNotificationsAsync(null, 50, Ct), n => n.Kind == "hold_expired" && n.Subject == wallet);
        Assert.Equal(40_000m, rt.Ledger.GetWallet(wallet)!.Cash.Amount);
        Assert.Empty(await rt.Holds.ExpireAsync(Ct));
    }
}
