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
