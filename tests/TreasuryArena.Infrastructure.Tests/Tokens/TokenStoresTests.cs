using Dapper;
using Microsoft.Data.Sqlite;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets.Optimization;
using TreasuryArena.Core.Wallets.Proposals;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Infrastructure.Tests.Storage;

namespace TreasuryArena.Infrastructure.Tests.Tokens;

public sealed class TokenStoresTests
{
    private static readonly TimeProvider Time = new StorageFakeTime();

    [Fact]
    public async Task Stores_Sqlite_RoundTripEverything()
    {
        using var dir = new TempDirectory();
        var db = await ArenaDatabase.OpenAsync(Path.Combine(dir.Path, "arena.db"), Time);
        await RoundTripAsync(db);
    }

    [PostgresFact]
    public async Task Stores_Postgres_RoundTripEverything()
    {
        await using var pg = await PostgresTestDatabase.CreateAsync();
        var db = await ArenaDatabase.OpenAsync(pg.ConnectionString, Time);
        await RoundTripAsync(db);
    }

    [Fact]
    public async Task Migration0301_PromotedToken_MeasuresItsBreakerFromItsPromotion()
    {
        // A database from before 0301: a promoted token still measuring from inception, one resumed since, one proving.
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "old.db");
        await using (var conn = new SqliteConnection("Data Source=" + file))
        {
            await conn.OpenAsync();
            await MigrationRunner.ApplyAsync(conn, DatabaseProvider.Sqlite, [.. MigrationRunner.Embedded(DatabaseProvider.Sqlite).Where(m => m.Version < 301)], Time, default);
            foreach (var (symbol, reference) in new[] { ("TOLD", "2021-01-01"), ("TRES", "2021-06-01"), ("TPRV", "2021-01-01") })
            {
                await conn.ExecuteAsync("INSERT INTO token_backings (symbol, strategy, parameters, inception, breaker_reference, backtest, created_at) VALUES (@symbol, 'dca', '{}', '2021-01-01', @reference, '{}', 0)",
                    new { symbol, reference });
            }

            foreach (var symbol in new[] { "TOLD", "TRES" })
            {
                await conn.ExecuteAsync("INSERT INTO token_lifecycle_events (id, symbol, date, from_status, to_status, actor, reason, at) VALUES (@id, @symbol, '2021-04-02', 'Proving', 'Active', 'nav-engine', 'Promoted', 0)",
                    new { id = Guid.NewGuid().ToString(), symbol });
            }
        }

        var db = await ArenaDatabase.OpenAsync(file, Time);
        var nav = new SqlNavStore(db, Time);
        var backings = (await nav.ListBackingsAsync(CancellationToken.None)).ToDictionary(b => b.Symbol);
        Assert.Equal(new DateOnly(2021, 4, 2), backings["TOLD"].BreakerReference);
        Assert.Equal(new DateOnly(2021, 6, 1), backings["TRES"].BreakerReference);
        Assert.Equal(new DateOnly(2021, 1, 1), backings["TPRV"].BreakerReference);
        Assert.All(backings.Values, b => Assert.Null(b.Breaker)); // derived by the NAV engine from the stored backtest
        SqliteConnection.ClearAllPools();
    }

    private static async Task RoundTripAsync(ArenaDatabase db)
    {
        var nav = new SqlNavStore(db, Time);
        var backing = new TokenBacking("TMA", "ma-trend", new Dictionary<string, string> { ["window"] = "200" }, new DateOnly(2021, 1, 1), new DateOnly(2021, 1, 1));
        Assert.True(await nav.TryAddBackingAsync(backing, "{\"sharpe\":1.2}", CancellationToken.None));
        Assert.False(await nav.TryAddBackingAsync(backing, "{}", CancellationToken.None));
        var loaded = Assert.Single(await nav.ListBackingsAsync(CancellationToken.None));
        Assert.Equal("200", loaded.Parameters["window"]);
        Assert.Equal(backing.Inception, loaded.Inception);
        Assert.Equal("{\"sharpe\":1.2}", await nav.FindBacktestAsync("TMA", CancellationToken.None));

        var row1 = new NavHistoryRow("TMA", new DateOnly(2021, 1, 1), 1m, 0m, 1m, 0m, null, null, 1m, 0m, 0m, 0m);
        var row2 = new NavHistoryRow("TMA", new DateOnly(2021, 1, 2), 1.05123456m, 0.0512345600m, 1.05123456m, 0m, 1.234567m, 0.456789m, 1.05200001m, 1234.5678m, 0.34m, 0m);
        await nav.AppendAsync([row1, row2], CancellationToken.None);
        await nav.AppendAsync([row2 with { Nav = 9m }], CancellationToken.None); // idempotent: existing date unchanged
        var history = await nav.HistoryAsync("TMA", null, CancellationToken.None);
        Assert.Equal([row1, row2], history);
        Assert.Equal([row2], await nav.HistoryAsync("TMA", 1, CancellationToken.None));

        await nav.SetBreakerReferenceAsync("TMA", new DateOnly(2022, 5, 1), CancellationToken.None);
        Assert.Equal(new DateOnly(2022, 5, 1), (await nav.FindBackingAsync("TMA", CancellationToken.None))!.BreakerReference);

        // The breaker limit: none for a backing stored without one (an older token), then stored exactly, as issued.
        Assert.Null(loaded.Breaker);
        var limit = BreakerLimit.Derive(new DateOnly(2015, 1, 1), new DateOnly(2020, 12, 31), 0.654321m, new LifecycleOptions());
        await nav.SetBreakerLimitAsync("TMA", limit, CancellationToken.None);
        Assert.Equal(limit, (await nav.FindBackingAsync("TMA", CancellationToken.None))!.Breaker);
        var issued = new TokenBacking("TNB", "dca", new Dictionary<string, string>(), new DateOnly(2021, 1, 1), new DateOnly(2021, 1, 1),
            BreakerLimit.Derive(null, null, null, new LifecycleOptions()));
        Assert.True(await nav.TryAddBackingAsync(issued, "{\"note\":\"no backtest\"}", CancellationToken.None));
        Assert.Equal(issued, (await nav.FindBackingAsync("TNB", CancellationToken.None))! with { Parameters = issued.Parameters });
        var ev = new LifecycleEvent("TMA", new DateOnly(2021, 2, 1), TokenStatus.Proving, TokenStatus.Active, "nav-engine", "Promoted", new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero));
        await nav.AddEventAsync(ev, CancellationToken.None);
        Assert.Equal([ev], await nav.EventsAsync("TMA", CancellationToken.None));

        var store = new SqlWalletAllocationStore(db);
        var order = new RebalanceOrder("TMA", OrderSide.Buy, 95.1m, 100m, 1m, 1.04m);
        var p1 = new WalletProposal(Guid.NewGuid(), "w1", new DateOnly(2021, 3, 1), Time.GetUtcNow(), Time.GetUtcNow().AddHours(72),
            new Dictionary<string, decimal> { ["TMA"] = 0.2m }, [order], "because", ProposalStatus.Pending);
        await store.AddProposalAsync(p1, CancellationToken.None);
        var p2 = p1 with { Id = Guid.NewGuid() };
        await store.AddProposalAsync(p2, CancellationToken.None);
        Assert.Equal(ProposalStatus.Expired, (await store.FindProposalAsync(p1.Id, CancellationToken.None))!.Status);
        var pending = Assert.Single(await store.ProposalsAsync("w1", ProposalStatus.Pending, CancellationToken.None));
        Assert.Equal(p2.Id, pending.Id);
        Assert.Equal([order], pending.Orders);
        Assert.Equal(0.2m, pending.TargetWeights["TMA"]);
        Assert.True(await store.TryDecideAsync(p2.Id, ProposalStatus.Rejected, "alice", Time.GetUtcNow(), "no", CancellationToken.None));
        Assert.False(await store.TryDecideAsync(p2.Id, ProposalStatus.Executed, "bob", Time.GetUtcNow(), null, CancellationToken.None));
        Assert.Equal("alice", (await store.FindProposalAsync(p2.Id, CancellationToken.None))!.DecidedBy);

        var snap = new AllocationSnapshot(Guid.NewGuid(), Guid.NewGuid(), "w1", new DateOnly(2021, 3, 1), "FULL_AI", "executed", 1234.56m,
            new Dictionary<string, decimal>(), new Dictionary<string, decimal> { ["TMA"] = 0.2m }, [order], "{\"x\":1}", "why", Time.GetUtcNow());
        await store.SaveSnapshotsAsync([snap], CancellationToken.None);
        var back = Assert.Single(await store.SnapshotsAsync("w1", 10, CancellationToken.None));
        Assert.Equal(snap.Value, back.Value);
        Assert.Equal(snap.Orders, back.Orders);
        Assert.Equal(new DateOnly(2021, 3, 1), (await store.LastExecutedAsync(CancellationToken.None))["w1"]);
    }
}
