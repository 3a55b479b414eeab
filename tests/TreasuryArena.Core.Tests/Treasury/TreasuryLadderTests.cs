using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.Tests.Advice;
using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Core.Tests.Treasury;

/// <summary>Issue 18: the treasury's MVRV ladder with memory, the drift band with named triggers, next-bar fills.</summary>
public sealed class TreasuryLadderTests
{
    private static readonly DateOnly Inception = new(2024, 1, 1);

    private readonly InMemoryDecisionJournal _journal = new();
    private readonly InMemoryTreasuryStore _store = new();

    private (TreasuryManager Manager, FakeTreasuryMarket Market) Create(Func<DateOnly, decimal> btc, Func<DateOnly, double?>? z = null)
    {
        var o = new TreasuryOptions { InceptionDate = "2024-01-01", Mode = "FULL_AI" };
        var market = new FakeTreasuryMarket(o, btc, _ => 2_000m) { MvrvZ = z };
        _store.Options = o;
        return (new TreasuryManager(o, new RuleAdvisor(new RuleAdvisorOptions(), new FakeTimeProvider()), market, _store, _journal, new FakeTimeProvider()), market);
    }

    [Fact]
    public void Observe_RungSoldAt93_StaysSoldWhileZDriftsTo88_ReentryBelowOne()
    {
        double[] zs = [6.0, 9.31, 8.80, 7.5, 4.0, 1.2, 0.9, 2.0];
        var ladder = LadderState.Empty;
        var rungs = new List<int>();
        for (var i = 0; i < zs.Length; i++)
        {
            ladder = ladder.Observe(Inception.AddDays(i), zs[i], FakeTreasuryMarket.Thresholds, 1.0);
            rungs.Add(ladder.RungsSold);
        }

        Assert.Equal([2, 4, 4, 4, 4, 4, 0, 0], rungs);
        Assert.Null(ladder.SoldSince);
        Assert.Equal(Inception.AddDays(6), ladder.ChangedOn);
        Assert.StartsWith("ladder re-entry: MVRV Z 0.90 < 1", ladder.Change, StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_SameDayTwice_ChangesNothing_AndDescribes()
    {
        var ladder = LadderState.Empty.Observe(Inception, 9.31, FakeTreasuryMarket.Thresholds, 1.0);
        Assert.Same(ladder, ladder.Observe(Inception, 0.5, FakeTreasuryMarket.Thresholds, 1.0));
        Assert.Equal("ladder rung 4 (MVRV Z 9.31 ≥ 9.0)", ladder.Change);
        Assert.Equal("rungs sold: 4 of 4 since 2024-01-01; re-entry when Z < 1.0", ladder.Describe(4, 1.0));
        Assert.Equal(1, LadderState.Empty.Observe(Inception, 3.2, FakeTreasuryMarket.Thresholds, 1.0, minimum: 1).RungsSold);
    }

    [Theory]
    [InlineData(0, 9.31, 4)]
    [InlineData(4, 8.80, 4)]
    [InlineData(4, 0.99, 0)]
    [InlineData(2, double.NaN, 2)]
    [InlineData(1, 5.0, 2)]
    public void Next_IsTheStrategysTier(int previous, double z, int expected)
    {
        double[] steps = [3.5, 5.0, 7.0, 9.0];
        Assert.Equal(expected, MvrvLadder.Next(previous, z, steps, 1.0));
        Assert.Equal(expected, Core.Strategies.Library.Treasury6040.Tier(previous, z, steps, 1.0));
    }

    [Fact]
    public async Task Ladder_SoldAtTheTop_IsNotBoughtBackAsZEases_TheStateIsPersisted()
    {
        // Z 9.31 on day 1, 8.80 on day 2, then easing to 7 — the ladder must hold the sleeve at 0% (no buy-back at the top).
        var (manager, _) = Create(_ => 40_000m, d => (d.DayNumber - Inception.DayNumber) switch { 0 => 2.0, 1 => 9.31, 2 => 8.80, _ => 7.0 });
        await manager.RunDailyAsync(Inception, CancellationToken.None);
        var (sold, executed) = await manager.RunDailyAsync(Inception.AddDays(1), CancellationToken.None);
        Assert.Contains("trigger: ", executed!.Plan.Proposal.Trigger, StringComparison.Ordinal);
        Assert.Contains("ladder rung 4 (MVRV Z 9.31 ≥ 9.0)", executed.Plan.Proposal.Trigger, StringComparison.Ordinal);
        Assert.Contains("ladder rung 4", sold.Decision.Reasoning, StringComparison.Ordinal);
        Assert.All(executed.Queued!.Orders.Where(o => o.AssetClass == AssetClass.Volatile), o => Assert.Equal(OrderSide.Sell, o.Side));

        for (var day = 2; day <= 6; day++)
        {
            var (daily, again) = await manager.RunDailyAsync(Inception.AddDays(day), CancellationToken.None);
            Assert.Equal(0m, daily.Status.Targets.TacticalShare);
            Assert.DoesNotContain(daily.Guarded.Orders.Concat(again?.Guarded.Orders ?? []), o => o.AssetClass == AssetClass.Volatile && o.Side == OrderSide.Buy);
        }

        // A new process reads the same ladder from the store.
        var status = await manager.StatusAsync(Inception.AddDays(6), CancellationToken.None);
        Assert.Equal("rungs sold: 4 of 4 since 2024-01-02; re-entry when Z < 1.0", status.Assessment.Ladder!.Description);
        var memory = await _store.LoadMemoryAsync(CancellationToken.None);
        Assert.Equal(4, memory.Ladder.RungsSold);
        Assert.Equal(Inception.AddDays(6), memory.Ladder.ObservedOn);
        Assert.True(status.Valuation.TacticalShare < 0.01m);
    }

    [Fact]
    public async Task Ladder_ZBelowReentry_BuysTheSleeveBack_NamingTheTrigger()
    {
        var (manager, _) = Create(_ => 40_000m, d => (d.DayNumber - Inception.DayNumber) switch { 0 => 9.5, < 10 => 3.0, _ => 0.8 });
        await manager.RunDailyAsync(Inception, CancellationToken.None);
        for (var day = 1; day < 10; day++)
        {
            await manager.RunDailyAsync(Inception.AddDays(day), CancellationToken.None);
        }

        Assert.True((await manager.StatusAsync(Inception.AddDays(9), CancellationToken.None)).Valuation.TacticalShare < 0.01m);
        var (_, executed) = await manager.RunDailyAsync(Inception.AddDays(10), CancellationToken.None);
        Assert.Contains("ladder re-entry: MVRV Z 0.80 < 1", executed!.Plan.Proposal.Trigger, StringComparison.Ordinal);
        await manager.RunDailyAsync(Inception.AddDays(11), CancellationToken.None);
        var after = await manager.StatusAsync(Inception.AddDays(11), CancellationToken.None);
        Assert.InRange(after.Valuation.TacticalShare, 0.39m, 0.40m);
        Assert.Equal("rungs sold: 0 of 4; a rung sold stays sold until MVRV Z < 1.0", after.Assessment.Ladder!.Description);
    }

    [Fact]
    public async Task Band_DriftInsideWithoutTrigger_NoTrade_TheDecisionSaysSo()
    {
        // BTC +10%: the 28% BTC weight drifts about 2 points, inside the 5% band.
        var (manager, _) = Create(d => d <= Inception ? 40_000m : 44_000m);
        var (daily, executed) = await manager.RunDailyAsync(Inception.AddDays(1), CancellationToken.None);
        Assert.InRange(daily.Status.Valuation.Drift, 0.01m, 0.049m);
        Assert.Empty(daily.Plan.Proposal.Orders);
        Assert.Equal(Text.F($"no trigger: drift {daily.Status.Valuation.Drift:0.0%} inside the 5% band, no ladder rung or emergency"), daily.Plan.Proposal.Trigger);
        Assert.Equal(DecisionAction.Hold, daily.Decision.Action);
        Assert.Null(executed);
    }

    [Fact]
    public async Task Band_DriftPastTheBand_TradesAndNamesTheDrift()
    {
        var (manager, _) = Create(d => d <= Inception ? 40_000m : 60_000m);
        var (daily, executed) = await manager.RunDailyAsync(Inception.AddDays(1), CancellationToken.None);
        Assert.StartsWith("trigger: drift ", daily.Plan.Proposal.Trigger, StringComparison.Ordinal);
        Assert.Contains("≥ band 5%", daily.Plan.Proposal.Trigger, StringComparison.Ordinal);
        Assert.NotNull(executed!.Queued);
    }

    [Fact]
    public void Guardrails_InsideTheBandWithoutTrigger_CutEveryOrderWhateverTheAdvisorSays()
    {
        var portfolio = new PortfolioSnapshot(0m, [new PositionValue("BTC", "paper", AssetClass.Volatile, 130_000m), new PositionValue("AAVE-USDC", "aave", AssetClass.Yield, 270_000m)], 400_000m);
        var order = new TradeOrder("BTC", "paper", AssetClass.Volatile, OrderSide.Sell, 10_000m, 10m, 10m);
        var approve = new Decision(DecisionKind.RebalanceApproval, DecisionAction.Approve, "the model says go", 90, "claude");
        var limits = new TreasuryOptions().Limits();
        var inside = new RebalanceProposal(Inception, "x", [order]) { Mandate = new TradeMandate(0.025m, 0.05m, []) };
        var cut = Guardrails.Apply(portfolio, inside, approve, limits);
        Assert.Empty(cut.Orders);
        Assert.Equal(Guardrails.DriftBand, Assert.Single(cut.Interventions).Rule);

        var rung = inside with { Mandate = new TradeMandate(0.025m, 0.05m, ["ladder rung 2 (MVRV Z 5.10 ≥ 5.0)"]) };
        Assert.Single(Guardrails.Apply(portfolio, rung, approve, limits).Orders);
        Assert.Equal("trigger: ladder rung 2 (MVRV Z 5.10 ≥ 5.0)", rung.Mandate!.Describe());
    }

    [Fact]
    public async Task NextBar_DecisionOnDayD_FillsAtDayDPlusOnesClose()
    {
        // Day 1's close (60,000) produces the signal; the fill must be at day 2's close (70,000), never day 1's.
        var (manager, _) = Create(d => (d.DayNumber - Inception.DayNumber) switch { 0 => 40_000m, 1 => 60_000m, _ => 70_000m });
        var (_, executed) = await manager.RunDailyAsync(Inception.AddDays(1), CancellationToken.None);
        var sell = executed!.Queued!.Orders.Single(o => o.Asset == "BTC");
        Assert.Equal(OrderSide.Sell, sell.Side);
        var (next, _) = await manager.RunDailyAsync(Inception.AddDays(2), CancellationToken.None);
        var fill = next.Fills.Single(f => f.Asset == "BTC");
        Assert.Equal(Inception.AddDays(2), fill.Date);
        Assert.Equal(70_000m, fill.MarkPrice);
        Assert.Equal(sell.Notional, fill.Notional);
        var entry = _journal.Entries.Single(e => e.Id == executed.Entry.Id);
        Assert.Equal(Inception.AddDays(1), entry.AsOf);
        Assert.Equal(70_000m, entry.Fills.Single(f => f.Asset == "BTC").Price);
        Assert.Equal(60_000m, entry.Prices["BTC"]);
    }

    [Fact]
    public async Task NextBar_SecondExecutionTheSameDay_DoesNotQueueOnTopOfTheQueue()
    {
        var (manager, _) = Create(d => d <= Inception ? 40_000m : 60_000m);
        var first = await manager.ExecuteAsync(Inception.AddDays(1), CancellationToken.None);
        Assert.NotNull(first.Queued);
        var second = await manager.ExecuteAsync(Inception.AddDays(1), CancellationToken.None);
        Assert.Null(second.Queued);
        Assert.Equal(first.Queued, (await _store.LoadMemoryAsync(CancellationToken.None)).Pending);
        await Assert.ThrowsAsync<ArgumentException>(() => manager.ExecuteAsync(Inception, CancellationToken.None));
    }
}
