using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Treasury;
using TreasuryArena.Infrastructure.Advice;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Infrastructure.Tests.Storage;

namespace TreasuryArena.Infrastructure.Tests.Advice;

/// <summary>
/// The journal and treasury store on a real SQLite file under a temp directory, and the same checks on a private
/// PostgreSQL database when <c>ARENA_TEST_POSTGRES</c> is set.
/// </summary>
public sealed class SqlAdvisorStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arena-advisor-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private Task<ArenaDatabase> Sqlite() => ArenaDatabase.OpenAsync(Path.Combine(_dir, "arena.db"), TimeProvider.System);

    [Fact]
    public async Task Journal_AppendAndList_RoundTripsEveryField() => await JournalRoundTrip(await Sqlite());

    [Fact]
    public async Task Journal_RecordOutcome_RemovesFromPendingAndKeepsTheOutcome() => await OutcomeLifecycle(await Sqlite());

    [Fact]
    public async Task Journal_TokenUsage_AccumulatesPerDay() => await TokenUsage(await Sqlite());

    [Fact]
    public async Task TreasuryStore_ExecuteAndReopen_HoldingsComeBackFromTheLedgerAndVerifyPasses() => await TreasuryRoundTrip(await Sqlite());

    [Fact]
    public async Task TreasuryStore_FillTheLedgerRefuses_ThrowsAndWritesNoFill() => await TreasuryRefusal(await Sqlite());

    [Fact]
    public async Task Open_Twice_AppliesMigration0200Once()
    {
        await Sqlite();
        var db = await Sqlite();
        await using var connection = await db.OpenConnectionAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM schema_version WHERE version = 200";
        Assert.Equal(1L, Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [PostgresFact]
    public async Task Postgres_JournalAndTreasuryStore_BehaveLikeSqlite()
    {
        await using var pg = await PostgresTestDatabase.CreateAsync();
        var db = await ArenaDatabase.OpenAsync(pg.ConnectionString, TimeProvider.System);
        await JournalRoundTrip(db);
        await TokenUsage(db);
        await TreasuryRoundTrip(db);
    }

    [PostgresFact]
    public async Task Postgres_Outcomes_BehaveLikeSqlite()
    {
        await using var pg = await PostgresTestDatabase.CreateAsync();
        await OutcomeLifecycle(await ArenaDatabase.OpenAsync(pg.ConnectionString, TimeProvider.System));
    }

    private static JournalEntry Entry(DateOnly asOf, string advisor = "claude") => new()
    {
        RecordedAt = new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero),
        AsOf = asOf,
        Decision = new Decision(DecisionKind.RebalanceApproval, DecisionAction.Shrink, "Take half the step.", 64, advisor)
        {
            Adjustments = new DecisionAdjustments(0.5m, [new OrderAdjustment("BTC", 0.25m)]),
            Latency = TimeSpan.FromMilliseconds(1234),
            Usage = new AdvisorUsage("claude-test", 800, 90),
            FallbackReason = advisor == "rules" ? "timeout" : null,
            Transcript = new AdvisorTranscript("the prompt", "{\"action\":\"shrink\"}"),
        },
        Inputs = "{\"as_of\":\"2021-11-10\"}",
        Prompt = "the prompt",
        RawAnswer = "{\"action\":\"shrink\"}",
        PortfolioBefore = AdvisorSamples.Context().Portfolio,
        Prices = new Dictionary<string, decimal> { ["BTC"] = 64_995.23m, ["AAVE-USDC"] = 1.0123456789m },
        Candidate = AdvisorSamples.Context().Proposal.Orders,
        Approved = [AdvisorSamples.Context().Proposal.Orders[0].WithNotional(15_000m)],
        Interventions = [new GuardrailIntervention(Guardrails.Widening, "ETH", 0m, 0m, "not proposed")],
        Executed = true,
    };

    private static async Task JournalRoundTrip(ArenaDatabase db)
    {
        var journal = new SqlDecisionJournal(db);
        var id1 = await journal.AppendAsync(Entry(new DateOnly(2021, 11, 10)), CancellationToken.None);
        var id2 = await journal.AppendAsync(Entry(new DateOnly(2021, 11, 11), "rules"), CancellationToken.None);
        Assert.Equal(id1 + 1, id2);

        var list = await journal.ListAsync(10, CancellationToken.None);
        Assert.Equal([id2, id1], list.Select(e => e.Id));
        var e = list[1];
        var expected = Entry(new DateOnly(2021, 11, 10));
        Assert.Equal(expected.Decision.Action, e.Decision.Action);
        Assert.Equal(64, e.Decision.Confidence);
        Assert.Equal("claude", e.Decision.Advisor);
        Assert.Equal(0.25m, e.Decision.Adjustments!.ScaleFor("BTC"));
        Assert.Equal(TimeSpan.FromMilliseconds(1234), e.Decision.Latency);
        Assert.Equal(new AdvisorUsage("claude-test", 800, 90), e.Decision.Usage);
        Assert.Equal("the prompt", e.Prompt);
        Assert.Equal(expected.Prices["AAVE-USDC"], e.Prices["AAVE-USDC"]);
        Assert.Equal(expected.Candidate.Select(o => (o.Asset, o.Side, o.Notional, o.EstimatedFee)), e.Candidate.Select(o => (o.Asset, o.Side, o.Notional, o.EstimatedFee)));
        Assert.Equal(15_000m, Assert.Single(e.Approved).Notional);
        Assert.Equal(expected.PortfolioBefore.TotalValue, e.PortfolioBefore.TotalValue);
        Assert.True(e.Executed);
        Assert.Equal("timeout", list[0].Decision.FallbackReason);
        Assert.Single(await journal.ListAsync(1, CancellationToken.None));
    }

    private static async Task OutcomeLifecycle(ArenaDatabase db)
    {
        var journal = new SqlDecisionJournal(db);
        var early = await journal.AppendAsync(Entry(new DateOnly(2021, 11, 10)), CancellationToken.None);
        await journal.AppendAsync(Entry(new DateOnly(2021, 12, 20)), CancellationToken.None);
        var pending = await journal.PendingOutcomesAsync(new DateOnly(2021, 12, 1), CancellationToken.None);
        Assert.Equal([early], pending.Select(p => p.Id));

        var outcome = new DecisionOutcome(new DateOnly(2021, 12, 10), 390_000m, 380_000m, true, true, "acting was right");
        await journal.RecordOutcomeAsync(early, outcome, CancellationToken.None);
        Assert.Empty(await journal.PendingOutcomesAsync(new DateOnly(2021, 12, 1), CancellationToken.None));
        Assert.Equal(outcome, (await journal.ListAsync(10, CancellationToken.None)).Single(x => x.Id == early).Outcome);
        await Assert.ThrowsAsync<ArgumentException>(() => journal.RecordOutcomeAsync(999, outcome, CancellationToken.None));
    }

    private static async Task TokenUsage(ArenaDatabase db)
    {
        var journal = new SqlDecisionJournal(db);
        var day = new DateOnly(2026, 11, 22);
        await journal.RecordAsync(day, 900, CancellationToken.None);
        await journal.RecordAsync(day, 100, CancellationToken.None);
        await journal.RecordAsync(day.AddDays(1), 5, CancellationToken.None);
        Assert.Equal(1_000, await journal.TokensUsedAsync(day, CancellationToken.None));
        Assert.Equal(0, await journal.TokensUsedAsync(day.AddDays(-1), CancellationToken.None));
    }

    private static TreasuryMarks Marks(TreasuryOptions options, DateOnly inception, DateOnly day, decimal btc, decimal eth)
    {
        var prices = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase) { ["BTC"] = btc, ["ETH"] = eth };
        foreach (var v in options.EffectiveBaseVenues())
        {
            prices[v.Asset] = TreasuryMarks.YieldIndex(v.Apy, inception, day);
        }

        return new TreasuryMarks(day, prices, prices.Keys.ToDictionary(k => k, _ => day, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Opens a treasury, executes a rebalance a month later, reopens the ledger from storage: the holdings come
    /// back from the ledger exactly as the paper venue left them, and the whole ledger verifies.</summary>
    private static async Task TreasuryRoundTrip(ArenaDatabase db)
    {
        var ct = CancellationToken.None;
        var options = new TreasuryOptions { InceptionDate = "2024-01-01" }.Validated();
        var day = new DateOnly(2024, 1, 1);
        var later = day.AddDays(30);
        var opened = PaperVenue.Open(options, TreasuryTargets.Static(options), Marks(options, day, day, 40_000.12345678m, 2_000m), day);
        PaperExecution done;
        await using (var ledger = await db.OpenLedgerAsync(TimeProvider.System, cancellationToken: ct))
        {
            var store = new LedgerTreasuryStore(ledger, new SqlTreasuryStore(db), options);
            Assert.Null(await store.LoadAsync(ct));
            await store.SaveAsync(opened.Portfolio, opened.Fills, Marks(options, day, day, 40_000.12345678m, 2_000m), ct);
            var loaded = await store.LoadAsync(ct);
            Assert.NotNull(loaded);
            Assert.Equal(opened.Portfolio, loaded with { Positions = opened.Portfolio.Positions });
            Assert.Equal(opened.Portfolio.Positions, loaded.Positions);

            var marks = Marks(options, day, later, 80_000m, 2_500m);
            done = PaperVenue.Execute(loaded, [
                RebalancePlanner.Order("BTC", "paper", AssetClass.Volatile, OrderSide.Sell, 50_000m, options),
                RebalancePlanner.Order("AAVE-USDC", "aave", AssetClass.Yield, OrderSide.Buy, 40_000m, options)], marks);
            await store.SaveAsync(done.Portfolio, done.Fills, marks, ct);
        }

        await using (var ledger = await db.OpenLedgerAsync(TimeProvider.System, cancellationToken: ct))
        {
            var store = new LedgerTreasuryStore(ledger, new SqlTreasuryStore(db), options);
            var reloaded = await store.LoadAsync(ct);
            Assert.NotNull(reloaded);
            Assert.Equal(done.Portfolio.Cash, reloaded.Cash);
            Assert.Equal(done.Portfolio.Positions, reloaded.Positions);
            Assert.Equal(later, reloaded.UpdatedOn);
            var view = ledger.GetTreasury(options.Organisation)!;
            var btc = view.Positions.Single(p => p.Asset == "BTC");
            Assert.Equal(Math.Round(btc.Units * 80_000m, 2, MidpointRounding.ToNegativeInfinity), btc.CarryingValue);
            var costs = opened.Fills.Concat(done.Fills).Sum(f => f.Fee + f.Slippage);
            Assert.Equal(costs, ledger.SnapshotBalances()[new BalanceKey(LedgerAccount.VenueFees, LedgerUnit.Usd)]);
        }

        var verification = await LedgerVerifier.VerifyAsync(db.CreateLedgerJournal(), ct);
        Assert.True(verification.Ok, string.Join("; ", verification.Violations.Select(v => $"{v.What} {v.Where}: {v.Detail}")));
        Assert.True(verification.Entries > 20);
    }

    /// <summary>A save the ledger cannot reproduce (a sale of more than is held) throws and leaves the ledger verifiable.</summary>
    private static async Task TreasuryRefusal(ArenaDatabase db)
    {
        var ct = CancellationToken.None;
        var options = new TreasuryOptions { InceptionDate = "2024-01-01" }.Validated();
        var day = new DateOnly(2024, 1, 1);
        var marks = Marks(options, day, day, 40_000m, 2_000m);
        await using var ledger = await db.OpenLedgerAsync(TimeProvider.System, cancellationToken: ct);
        var store = new LedgerTreasuryStore(ledger, new SqlTreasuryStore(db), options);
        var opened = PaperVenue.Open(options, TreasuryTargets.Static(options), marks, day);
        var bogus = new Fill(day, "BTC", "paper", OrderSide.Sell, 1_000m, 40_000m, 40_000_000m, 0m, 0m);
        var head = ledger.Head;
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveAsync(opened.Portfolio, [bogus], marks, ct));
        Assert.Equal(400_000m, ledger.GetTreasury(options.Organisation)!.Cash);
        Assert.True(ledger.Head.Sequence == head.Sequence + 1); // only the capital was posted; the refused sale wrote nothing
        var verification = await LedgerVerifier.VerifyAsync(db.CreateLedgerJournal(), ct);
        Assert.True(verification.Ok);
    }
}
