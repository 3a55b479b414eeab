using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Treasury;
using TreasuryArena.Infrastructure.Advice;
using TreasuryArena.Infrastructure.MarketData;
using TreasuryArena.Infrastructure.MarketData.History;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Infrastructure.Tests.Storage;

namespace TreasuryArena.Infrastructure.Tests.Advice;

/// <summary>
/// Issue 18 on the shipped history and in storage: the treasury (FULL_AI, rule advisor) stepped daily through the
/// December 2017 top keeps the sleeve it sold (no buy-back at the top), trades only past the band or on a named
/// trigger, and fills every decision at the next day's close; the ladder and the queued orders survive a new process.
/// </summary>
public sealed class TreasuryLadderHistoryTests : IDisposable
{
    private static readonly MarketHistory Shipped = HistoryLoader.Load(HistoryLocator.Find());
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arena-ladder-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private Task<ArenaDatabase> Sqlite() => ArenaDatabase.OpenAsync(Path.Combine(_dir, "arena.db"), TimeProvider.System);

    private static TreasuryManager Manager(ArenaDatabase db, LedgerService ledger, TreasuryOptions options)
    {
        var provider = new HistoryMarketDataProvider(Shipped);
        var intelligence = new MarketIntelligence(provider, new IntelligenceSettings(PhaseSettings.Default, SignalSettings.Default, TriggerSettings.Default));
        return new TreasuryManager(options, new RuleAdvisor(new RuleAdvisorOptions(), TimeProvider.System), new IntelligenceTreasuryMarket(intelligence, provider, options),
            new LedgerTreasuryStore(ledger, new SqlTreasuryStore(db), options), new SqlDecisionJournal(db), TimeProvider.System);
    }

    [Fact]
    public async Task Dec2017Top_NoBuyBack_TradesOnlyPastTheBandOrOnANamedTrigger_FillsAtTheNextClose()
    {
        var ct = CancellationToken.None;
        var db = await Sqlite();
        var options = new TreasuryOptions { InceptionDate = "2017-10-31", Mode = "FULL_AI" }.Validated();
        var decisions = new List<AdviceResult>();
        await using (var ledger = await db.OpenLedgerAsync(TimeProvider.System, cancellationToken: ct))
        {
            var manager = Manager(db, ledger, options);
            for (var day = new DateOnly(2017, 11, 1); day <= new DateOnly(2018, 1, 31); day = day.AddDays(1))
            {
                var (daily, executed) = await manager.RunDailyAsync(day, ct);
                decisions.Add(daily);
                if (executed is not null)
                {
                    decisions.Add(executed);
                }

                if (day == new DateOnly(2017, 12, 16) || day == new DateOnly(2017, 12, 17))
                {
                    Assert.Equal(0m, daily.Status.Targets.TacticalShare);
                    Assert.StartsWith("rungs sold: 4 of 4 since 2017-", daily.Status.Assessment.Ladder!.Description, StringComparison.Ordinal);
                }
            }
        }

        var queued = decisions.Where(d => d.Queued is not null).ToList();
        Assert.NotEmpty(queued);
        foreach (var d in queued)
        {
            // Every execution is past the band or names its trigger (ladder rung, emergency).
            var mandate = d.Plan.Proposal.Mandate!;
            Assert.True(mandate.DriftPastBand || mandate.NamedTriggers.Count > 0, d.Plan.Proposal.Trigger);
            Assert.StartsWith("trigger: ", d.Plan.Proposal.Trigger, StringComparison.Ordinal);
        }

        // Nothing inside the band without a trigger was proposed at all.
        Assert.All(decisions.Where(d => d.Plan.Proposal.Mandate is { Allows: false }), d => Assert.Empty(d.Guarded.Orders));

        // No buy-back at the top: once the fourth rung is sold (Z 10.04 on 2017-12-07) no decision buys BTC or ETH to the end of January.
        var soldOut = queued.First(d => d.Plan.Proposal.Trigger.Contains("ladder rung 4", StringComparison.Ordinal)).Status.AsOf;
        Assert.Equal(new DateOnly(2017, 12, 7), soldOut);
        Assert.DoesNotContain(queued.Where(d => d.Status.AsOf > soldOut), d => d.Queued!.Orders.Any(o => o.AssetClass == AssetClass.Volatile && o.Side == OrderSide.Buy));

        // Fills: the day after the decision, at that day's BTC close.
        var journal = await new SqlDecisionJournal(db).ListAsync(1_000, ct);
        var filled = journal.Where(e => e.Fills.Count > 0).ToList();
        Assert.NotEmpty(filled);
        foreach (var e in filled)
        {
            Assert.True(e.Executed);
            Assert.All(e.Fills, f => Assert.Equal(e.AsOf.AddDays(1), f.Date));
            var btc = e.Fills.FirstOrDefault(f => f.Asset == "BTC");
            if (btc is not null)
            {
                var close = TreasuryMarks.ToPrice(new HistoryMarketDataProvider(Shipped).Snapshot(btc.Date).BtcPrice.Value!.Value);
                Assert.Equal(close, btc.Price);
                Assert.NotEqual(e.Prices["BTC"], btc.Price);
            }
        }
    }

    [Fact]
    public async Task Memory_LadderAndQueue_SurviveANewProcess() => await MemoryRoundTrip(await Sqlite());

    [PostgresFact]
    public async Task Postgres_Memory_BehavesLikeSqlite()
    {
        await using var pg = await PostgresTestDatabase.CreateAsync();
        await MemoryRoundTrip(await ArenaDatabase.OpenAsync(pg.ConnectionString, TimeProvider.System));
    }

    private static async Task MemoryRoundTrip(ArenaDatabase db)
    {
        var ct = CancellationToken.None;
        var store = new SqlTreasuryStore(db);
        Assert.Null(await store.LoadMemoryAsync(ct));
        var ladder = LadderState.Empty.Observe(new DateOnly(2017, 12, 7), 10.04, [3.5, 5.0, 7.0, 9.0], 1.0);
        var order = new TradeOrder("BTC", "paper", AssetClass.Volatile, OrderSide.Sell, 12_345.67m, 12.35m, 12.35m);
        var memory = new TreasuryMemory(ladder, new PendingOrders(new DateOnly(2017, 12, 7), 42, [order]));
        await store.SaveMemoryAsync(memory, ct);
        var again = await new SqlTreasuryStore(db).LoadMemoryAsync(ct);
        Assert.NotNull(again);
        Assert.Equal(memory.Ladder, again.Ladder);
        Assert.Equal(memory.Pending!.DecidedOn, again.Pending!.DecidedOn);
        Assert.Equal(42, again.Pending.JournalId);
        Assert.Equal([order], again.Pending.Orders);
        await store.SaveMemoryAsync(memory with { Pending = null }, ct);
        Assert.Null((await store.LoadMemoryAsync(ct))!.Pending);

        var journal = new SqlDecisionJournal(db);
        var id = await journal.AppendAsync(new JournalEntry
        {
            RecordedAt = new DateTimeOffset(2017, 12, 7, 23, 0, 0, TimeSpan.Zero),
            AsOf = new DateOnly(2017, 12, 7),
            Decision = new Decision(DecisionKind.RebalanceApproval, DecisionAction.Approve, "ladder rung 4", 80, "rules"),
            Inputs = "{}",
            PortfolioBefore = new PortfolioSnapshot(0m, [], 0m),
            Prices = new Dictionary<string, decimal> { ["BTC"] = 17_899.70m },
            Candidate = [order],
            Approved = [order],
        }, ct);
        Assert.False((await journal.ListAsync(1, ct)).Single().Executed);
        var fill = new JournalFill(new DateOnly(2017, 12, 8), "BTC", OrderSide.Sell, 0.7m, 16_569.40m, 12_345.67m, 12.35m, 12.35m);
        await journal.RecordFillsAsync(id, [fill], ct);
        var entry = (await journal.ListAsync(1, ct)).Single();
        Assert.True(entry.Executed);
        Assert.Equal([fill], entry.Fills);
    }
}
