using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Tests.Advice;
using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Core.Tests.Treasury;

public sealed class TreasuryManagerTests
{
    private static readonly DateOnly Inception = new(2024, 1, 1);

    private readonly InMemoryDecisionJournal _journal = new();
    private readonly InMemoryTreasuryStore _store = new();

    /// <summary>BTC doubles over January then stays; ETH flat.</summary>
    private static decimal Btc(DateOnly d) => d <= Inception ? 40_000m : d >= Inception.AddDays(31) ? 80_000m : 40_000m + (40_000m * (d.DayNumber - Inception.DayNumber) / 31m);

    private (TreasuryManager Manager, FakeTreasuryMarket Market) Create(TreasuryOptions? options = null)
    {
        var o = options ?? new TreasuryOptions { InceptionDate = "2024-01-01" };
        var market = new FakeTreasuryMarket(o, Btc, _ => 2_000m);
        var advisor = new RuleAdvisor(new RuleAdvisorOptions(), new FakeTimeProvider());
        _store.Options = o;
        return (new TreasuryManager(o, advisor, market, _store, _journal, new FakeTimeProvider()), market);
    }

    [Fact]
    public async Task Status_NoStoredTreasury_UsesConfiguredDefault()
    {
        var (manager, _) = Create();
        var status = await manager.StatusAsync(Inception.AddDays(40), CancellationToken.None);
        Assert.True(status.IsDefault);
        Assert.Equal(Inception, status.Performance.Inception);
        Assert.True(status.Valuation.TacticalShare > 0.5m);
        Assert.True(status.Performance.BtcBuyAndHoldReturn > 0.99);
        Assert.Equal(status.Performance.Static6040Value, status.Valuation.TotalValue);
        Assert.Null(_store.Portfolio);
    }

    [Fact]
    public async Task Advise_DriftPastBand_JournalsARebalanceWithoutExecuting()
    {
        var (manager, _) = Create();
        var result = await manager.AdviseAsync(Inception.AddDays(40), CancellationToken.None);
        Assert.Equal(DecisionAction.Rebalance, result.Decision.Action);
        Assert.Equal("rules", result.Decision.Advisor);
        var entry = Assert.Single(_journal.Entries);
        Assert.False(entry.Executed);
        Assert.NotEmpty(entry.Approved);
        Assert.Contains("\"drift\"", entry.Inputs, StringComparison.Ordinal);
        Assert.Null(_store.Portfolio);
        Assert.Empty(result.Fills);
    }

    [Fact]
    public async Task Execute_FreshTreasury_SavesPortfolioQueuesOrders_NextRunFillsThemAtTheNextClose()
    {
        var (manager, _) = Create();
        var result = await manager.ExecuteAsync(Inception.AddDays(40), CancellationToken.None);
        Assert.Equal(DecisionAction.Approve, result.Decision.Action);
        Assert.NotNull(_store.Portfolio);
        Assert.Empty(result.Fills);
        Assert.Equal(Inception.AddDays(41), result.Queued!.FillOn);
        Assert.False(_journal.Entries.Single().Executed);
        var queued = await manager.StatusAsync(Inception.AddDays(40), CancellationToken.None);
        Assert.False(queued.IsDefault);
        Assert.Equal(Inception.AddDays(40), queued.Pending!.DecidedOn);

        var next = await manager.AdviseAsync(Inception.AddDays(41), CancellationToken.None);
        Assert.NotEmpty(next.Fills);
        Assert.All(next.Fills, f => Assert.Equal(Inception.AddDays(41), f.Date));
        var decided = _journal.Entries[0];
        Assert.True(decided.Executed);
        Assert.Equal(decided.Approved.Count, decided.Fills.Count);
        Assert.All(decided.Fills, f => Assert.Equal(Inception.AddDays(41), f.Date));
        var after = await manager.StatusAsync(Inception.AddDays(41), CancellationToken.None);
        Assert.Null(after.Pending);
        Assert.True(after.Valuation.Drift < 0.01m);
        Assert.True(after.Valuation.TacticalShare <= 0.40m);
    }

    [Fact]
    public async Task Execute_TwiceOnTheLedger_EveryFillIsALedgerEntryAndVerifyPasses()
    {
        var (manager, _) = Create();
        var first = await manager.ExecuteAsync(Inception.AddDays(40), CancellationToken.None);
        var second = await manager.ExecuteAsync(Inception.AddDays(70), CancellationToken.None);
        Assert.NotNull(first.Queued);
        Assert.NotEmpty(second.Fills);

        // The opening fills (at inception) and every later fill are in the ledger; cash and units are the paper venue's.
        var view = _store.Ledger.GetTreasury("arena")!;
        var saved = _store.Portfolio!;
        Assert.Equal(saved.Cash, view.Cash);
        Assert.Equal(saved.Positions.Select(p => (p.Asset, p.Quantity, p.CostBasis)), view.Positions.Select(p => (p.Asset, p.Units, p.CostBasis)));
        var entries = await ReadEntriesAsync();
        Assert.Equal(_store.Fills.Count, entries.Count(e => e.Kind is Core.Ledger.EntryKind.Receive or Core.Ledger.EntryKind.Deliver));
        Assert.Equal(400_000m, entries.Where(e => e.Operation == Core.Ledger.LedgerOperationKind.TreasuryDeposit).Sum(e => e.Amount));
        var costs = _store.Fills.Sum(f => f.Fee + f.Slippage);
        Assert.Equal(costs, _store.Ledger.SnapshotBalances().GetValueOrDefault(new Core.Ledger.BalanceKey(Core.Ledger.LedgerAccount.VenueFees, Core.Ledger.LedgerUnit.Usd)));

        // Every position is carried at the last fill's marks (day 41): BTC at 80,000, the yield positions at their index.
        Assert.Equal(Math.Round(view.Positions.Single(p => p.Asset == "BTC").Units * 80_000m, 2, MidpointRounding.ToNegativeInfinity), view.Positions.Single(p => p.Asset == "BTC").CarryingValue);
        Assert.Contains(entries, e => e.Kind == Core.Ledger.EntryKind.Mark && e.Memo == "yield");
        var status = await manager.StatusAsync(Inception.AddDays(41), CancellationToken.None);
        Assert.Equal(status.Valuation.TotalValue, view.Cash + view.Positions.Sum(p => p.CarryingValue));

        var verification = await Core.Ledger.LedgerVerifier.VerifyAsync(_store.Journal);
        Assert.True(verification.Ok, string.Join("; ", verification.Violations.Select(v => v.Detail)));
        _ = second;
    }

    [Fact]
    public async Task Execute_BeforeLastChange_IsRefused()
    {
        var (manager, _) = Create();
        await manager.ExecuteAsync(Inception.AddDays(40), CancellationToken.None);
        await Assert.ThrowsAsync<ArgumentException>(() => manager.ExecuteAsync(Inception.AddDays(39), CancellationToken.None));
    }

    [Fact]
    public async Task EvaluateOutcomes_AfterHorizon_ScoresTheDecision()
    {
        var (manager, _) = Create(new TreasuryOptions { InceptionDate = "2024-01-01", OutcomeHorizonDays = 10 });

        // On day 10 BTC is rising: the rules sell BTC back to target; BTC keeps rising, so selling was wrong.
        var first = await manager.AdviseAsync(Inception.AddDays(10), CancellationToken.None);
        Assert.True(first.Decision.Acts);
        Assert.Equal(0, await manager.EvaluateOutcomesAsync(Inception.AddDays(15), CancellationToken.None));
        Assert.Equal(1, await manager.EvaluateOutcomesAsync(Inception.AddDays(20), CancellationToken.None));
        var outcome = _journal.Entries.Single().Outcome!;
        Assert.False(outcome.Right);
        Assert.True(outcome.ValueIfNot > outcome.ValueIfActed);
    }

    [Fact]
    public async Task Advise_EmergencyInHybrid_ProposesDeRiskWithoutExecuting()
    {
        var (manager, market) = Create();
        market.Emergency = new EmergencyEvent("btc_crash", "BTC fell 18% in 24h");
        var result = await manager.AdviseAsync(Inception.AddDays(40), CancellationToken.None);
        Assert.Equal(DecisionAction.DeRisk, result.Decision.Action);
        Assert.Contains(result.Guarded.Orders, o => o.Asset == "BTC" && o.Side == OrderSide.Sell);
        Assert.Empty(result.Fills);
        Assert.Null(_store.Portfolio);
    }

    [Fact]
    public async Task Advise_EmergencyInFullAi_ExecutesTheDeRisk()
    {
        var (manager, market) = Create(new TreasuryOptions { InceptionDate = "2024-01-01", Mode = "FULL_AI" });
        market.Emergency = new EmergencyEvent("btc_crash", "BTC fell 18% in 24h");
        var result = await manager.AdviseAsync(Inception.AddDays(40), CancellationToken.None);
        Assert.Empty(result.Fills);
        Assert.NotNull(result.Queued);
        market.Emergency = null;
        var next = await manager.AdviseAsync(Inception.AddDays(41), CancellationToken.None);
        Assert.NotEmpty(next.Fills);
        var after = await manager.StatusAsync(Inception.AddDays(41), CancellationToken.None);
        Assert.True(after.Valuation.TacticalShare < 0.05m);
    }

    [Fact]
    public async Task Review_AfterScoredDecisions_ReportsScorecardsAndJournalsCommentary()
    {
        var (manager, _) = Create(new TreasuryOptions { InceptionDate = "2024-01-01", OutcomeHorizonDays = 5 });
        await manager.AdviseAsync(Inception.AddDays(10), CancellationToken.None);
        await manager.AdviseAsync(Inception.AddDays(20), CancellationToken.None);
        var report = await manager.ReviewAsync(Inception.AddDays(40), CancellationToken.None);
        var card = Assert.Single(report.Input.Scorecards);
        Assert.Equal("rules", card.Advisor);
        Assert.Equal(2, card.Scored);
        Assert.Equal(DecisionKind.WeeklyReview, _journal.Entries[^1].Decision.Kind);
        Assert.NotNull(report.Input.BtcBuyAndHoldReturn);
    }

    [Fact]
    public async Task RunDaily_Hybrid_JournalsTheRebalanceWithoutExecuting()
    {
        var (manager, _) = Create();
        var (daily, executed) = await manager.RunDailyAsync(Inception.AddDays(40), CancellationToken.None);
        Assert.Equal(DecisionAction.Rebalance, daily.Decision.Action);
        Assert.Null(executed);
        Assert.False(Assert.Single(_journal.Entries).Executed);
        Assert.Null(_store.Portfolio);
    }

    [Fact]
    public async Task RunDaily_FullAi_ExecutesTheRebalanceTheAdvisorWanted()
    {
        var (manager, _) = Create(new TreasuryOptions { InceptionDate = "2024-01-01", Mode = "FULL_AI" });
        var (daily, executed) = await manager.RunDailyAsync(Inception.AddDays(40), CancellationToken.None);
        Assert.Equal(DecisionAction.Rebalance, daily.Decision.Action);
        Assert.NotNull(executed);
        Assert.NotNull(executed.Queued);
        Assert.Equal([DecisionKind.DailyAnalysis, DecisionKind.RebalanceApproval], _journal.Entries.Select(e => e.Decision.Kind).ToArray());
        var (next, _) = await manager.RunDailyAsync(Inception.AddDays(41), CancellationToken.None);
        Assert.NotEmpty(next.Fills);
        Assert.True(_journal.Entries[1].Executed);
        Assert.True((await manager.StatusAsync(Inception.AddDays(41), CancellationToken.None)).Valuation.Drift < 0.01m);
    }

    [Fact]
    public async Task RunDaily_FullAiNothingToDo_ExecutesNothing()
    {
        var (manager, _) = Create(new TreasuryOptions { InceptionDate = "2024-01-01", Mode = "FULL_AI" });
        var (daily, executed) = await manager.RunDailyAsync(Inception, CancellationToken.None);
        Assert.Equal(DecisionAction.Hold, daily.Decision.Action);
        Assert.Null(executed);
        Assert.Single(_journal.Entries);
    }

    [Fact]
    public async Task RunDailyOnce_SameAsOfTwice_AsksAndJournalsOnce_NextDateAsksAgain()
    {
        var (manager, _) = Create();
        var (first, _, none) = await manager.RunDailyOnceAsync(Inception.AddDays(40), CancellationToken.None);
        Assert.NotNull(first);
        Assert.Null(none);
        var (again, executed, existing) = await manager.RunDailyOnceAsync(Inception.AddDays(40), CancellationToken.None);
        Assert.Null(again);
        Assert.Null(executed);
        Assert.Equal(first.Entry.Id, existing!.Id);
        Assert.Single(_journal.Entries);
        var (next, _, _) = await manager.RunDailyOnceAsync(Inception.AddDays(41), CancellationToken.None);
        Assert.NotNull(next);
        Assert.Equal([Inception.AddDays(40), Inception.AddDays(41)], _journal.Entries.Select(e => e.AsOf).ToArray());
    }

    [Fact]
    public async Task WeeklyFigures_MatchTheReview_AndJournalNothing()
    {
        var (manager, _) = Create(new TreasuryOptions { InceptionDate = "2024-01-01", OutcomeHorizonDays = 5 });
        await manager.AdviseAsync(Inception.AddDays(10), CancellationToken.None);
        await manager.EvaluateOutcomesAsync(Inception.AddDays(40), CancellationToken.None);
        var figures = await manager.WeeklyFiguresAsync(Inception.AddDays(40), CancellationToken.None);
        Assert.Single(_journal.Entries);
        var report = await manager.ReviewAsync(Inception.AddDays(40), CancellationToken.None);
        Assert.Equal(report.Input.TreasuryValue, figures.TreasuryValue);
        Assert.Equal(report.Input.TreasuryReturn, figures.TreasuryReturn);
        Assert.Equal(report.Input.Scorecards.Single().Scored, figures.Scorecards.Single().Scored);
    }

    [Fact]
    public void AsOfFor_IsTodayOrTheLastDayTheDataCovers()
    {
        var (manager, _) = Create();
        var latest = manager.DefaultAsOf;
        Assert.Equal(latest.AddDays(-3), manager.AsOfFor(latest.AddDays(-3)));
        Assert.Equal(latest, manager.AsOfFor(latest.AddDays(30)));
    }

    private async Task<List<Core.Ledger.LedgerEntry>> ReadEntriesAsync()
    {
        var list = new List<Core.Ledger.LedgerEntry>();
        await foreach (var e in _store.Journal.ReadEntriesAsync(CancellationToken.None))
        {
            list.Add(e);
        }

        return list;
    }
}
