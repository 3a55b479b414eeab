using Dapper;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Infrastructure.Platform;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Infrastructure.Tests.Storage;

namespace TreasuryArena.Infrastructure.Tests.Platform;

/// <summary>
/// The trade path's storage: the group-commit writers of the audit chain and of idempotency records, the compliance
/// standing cache, and the daily trade count the ledger rebuilds at start.
/// </summary>
public sealed class PlatformWritersTests
{
    private static readonly TimeProvider Time = TimeProvider.System;

    [Fact]
    public Task AuditLog_Sqlite_ParallelAppendsAreBatchedStoredAndChainedInOrder() => LedgerStorageTests.WithSqlite(AuditScenario);

    [PostgresFact]
    public Task AuditLog_Postgres_ParallelAppendsAreBatchedStoredAndChainedInOrder() => LedgerStorageTests.WithPostgres(AuditScenario);

    [Fact]
    public Task Idempotency_Sqlite_ClaimCompleteReplayAndBatchedCommits() => LedgerStorageTests.WithSqlite(IdempotencyScenario);

    [PostgresFact]
    public Task Idempotency_Postgres_ClaimCompleteReplayAndBatchedCommits() => LedgerStorageTests.WithPostgres(IdempotencyScenario);

    [Fact]
    public Task Idempotency_Sqlite_SecondInstanceToStoreGetsTheFirstResponse() => LedgerStorageTests.WithSqlite(TwoInstancesScenario);

    [PostgresFact]
    public Task Idempotency_Postgres_SecondInstanceToStoreGetsTheFirstResponse() => LedgerStorageTests.WithPostgres(TwoInstancesScenario);

    [Fact]
    public Task Standing_Sqlite_InProcessChangesApplyAtOnceOtherProcessesWithinTtl() => LedgerStorageTests.WithSqlite(StandingScenario);

    [PostgresFact]
    public Task Standing_Postgres_InProcessChangesApplyAtOnceOtherProcessesWithinTtl() => LedgerStorageTests.WithPostgres(StandingScenario);

    [Fact]
    public Task TradeCount_Sqlite_SurvivesRestart() => LedgerStorageTests.WithSqlite(TradeCountScenario);

    [Fact]
    public async Task GroupCommitWriter_FailedBatch_FailsItsCallersAndTheNextBatchStillCommits()
    {
        var calls = 0;
        await using var writer = new GroupCommitWriter<int, int>(
            batch => ++calls == 1 ? throw new InvalidOperationException("disk full") : Task.FromResult<IReadOnlyList<int>>([.. batch.Select(i => i * 2)]),
            maxBatch: 8);
        Assert.Equal("disk full", (await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync(1, CancellationToken.None))).Message);
        Assert.Equal(6, await writer.WriteAsync(3, CancellationToken.None));
        Assert.Equal(1, writer.Batches);
    }

    private static async Task AuditScenario(string db)
    {
        var database = await ArenaDatabase.OpenAsync(db, Time);
        await using var audit = new SqlAuditLog(new PlatformDatabase(database), Time);
        const int n = 400;
        var appended = await Task.WhenAll(Enumerable.Range(0, n).Select(i => Task.Run(() => audit.AppendAsync(new AuditRecord("tester", "test.append", "s" + i, AuditOutcome.Done, "{}"), CancellationToken.None))));

        Assert.True(audit.Commits < n, $"{audit.Commits} commits for {n} entries: not batched");
        Assert.Equal(Enumerable.Range(1, n).Select(i => (long)i), appended.Select(e => e.Sequence).Order());
        var stored = await audit.ReadAsync(0, n + 10, CancellationToken.None);
        Assert.Equal(n, stored.Count);
        Assert.Equal(appended.OrderBy(e => e.Sequence).Select(e => (e.Subject, e.Hash)), stored.Select(e => (e.Subject, e.Hash)));
        for (var i = 1; i < stored.Count; i++)
        {
            Assert.Equal(stored[i - 1].Hash, stored[i].PreviousHash);
        }

        Assert.True((await audit.VerifyAsync(CancellationToken.None)).Valid);
    }

    private static async Task IdempotencyScenario(string db)
    {
        var database = await ArenaDatabase.OpenAsync(db, Time);
        await using var store = new SqlIdempotencyStore(new PlatformDatabase(database));
        var at = Time.GetUtcNow();

        Assert.Null(await store.TryClaimAsync("k1", "a", "hash-a", CancellationToken.None));
        var running = await store.TryClaimAsync("k1", "a", "hash-a", CancellationToken.None);
        Assert.False(running!.Completed);
        Assert.Null(await store.TryClaimAsync("k2", "a", "hash-a", CancellationToken.None)); // another caller's scope
        store.Release("k2", "a");
        Assert.Null(await store.CompleteAsync("k1", "a", "hash-a", at, 201, "application/json", "{\"id\":1}", CancellationToken.None));

        var replay = await store.TryClaimAsync("k1", "a", "hash-other", CancellationToken.None);
        Assert.True(replay!.Completed);
        Assert.Equal(("hash-a", 201, "application/json", "{\"id\":1}"), (replay.RequestHash, replay.StatusCode, replay.ContentType, replay.Body));
        Assert.Null(await store.TryClaimAsync("k2", "a", "hash-a", CancellationToken.None)); // released: free again
        store.Release("k2", "a");

        const int n = 300;
        var keys = Enumerable.Range(0, n).Select(i => "p" + i).ToList();
        foreach (var key in keys)
        {
            Assert.Null(await store.TryClaimAsync("k1", key, "h", CancellationToken.None));
        }

        var before = store.Commits;
        var results = await Task.WhenAll(keys.Select(key => Task.Run(() => store.CompleteAsync("k1", key, "h", at, 200, null, key, CancellationToken.None))));
        Assert.All(results, Assert.Null);
        Assert.True(store.Commits - before < n, $"{store.Commits - before} commits for {n} records: not batched");
        await using var c = await database.OpenConnectionAsync();
        Assert.Equal(n, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM idempotency_keys WHERE scope = 'k1' AND idem_key LIKE 'p%' AND state = 'done' AND body = idem_key"));
    }

    private static async Task TwoInstancesScenario(string db)
    {
        var database = await ArenaDatabase.OpenAsync(db, Time);
        await using var first = new SqlIdempotencyStore(new PlatformDatabase(database));
        await using var second = new SqlIdempotencyStore(new PlatformDatabase(await ArenaDatabase.OpenAsync(db, Time)));
        Assert.Null(await first.TryClaimAsync("k", "same", "h", CancellationToken.None));
        Assert.Null(await second.TryClaimAsync("k", "same", "h", CancellationToken.None));
        Assert.Null(await first.CompleteAsync("k", "same", "h", Time.GetUtcNow(), 200, "application/json", "first", CancellationToken.None));

        var stored = await second.CompleteAsync("k", "same", "h", Time.GetUtcNow(), 200, "application/json", "second", CancellationToken.None);
        Assert.Equal("first", stored!.Body);
    }

    private static async Task StandingScenario(string db)
    {
        var database = await ArenaDatabase.OpenAsync(db, Time);
        var identity = new SqlIdentityStore(new PlatformDatabase(database));
        var writes = new SqlComplianceStore(new PlatformDatabase(database));
        var reads = new SqlComplianceStore(new PlatformDatabase(database));
        var org = new Organisation(Guid.NewGuid(), "Cache Church", OrganisationType.Church, Plan.Premium, OrganisationStatus.Pending, Time.GetUtcNow());
        Assert.Equal(new ComplianceStanding(null, null, null, false), await reads.LoadStandingAsync(org.Id, CancellationToken.None));

        // Every write through this process's stores is seen by the next read, whichever store instance reads.
        Assert.True(await identity.TryAddOrganisationAsync(org, CancellationToken.None));
        Assert.Equal(OrganisationStatus.Pending, (await reads.LoadStandingAsync(org.Id, CancellationToken.None)).OrganisationStatus);
        await identity.UpdateOrganisationAsync(org with { Status = OrganisationStatus.Verified }, CancellationToken.None);
        Assert.Equal(OrganisationStatus.Verified, (await reads.LoadStandingAsync(org.Id, CancellationToken.None)).OrganisationStatus);
        Assert.True(await writes.TryAddDisclosureAsync(new RiskDisclosure("v1", "risk", RiskDisclosure.HashText("risk"), Time.GetUtcNow(), "admin"), CancellationToken.None));
        Assert.Equal("v1", (await reads.LoadStandingAsync(org.Id, CancellationToken.None)).CurrentDisclosureVersion);
        await writes.AddAttestationAsync(new Attestation(org.Id, "v1", RiskDisclosure.HashText("risk"), "Pat", "treasurer", Time.GetUtcNow()), CancellationToken.None);
        Assert.Equal("v1", (await reads.LoadStandingAsync(org.Id, CancellationToken.None)).AttestedVersion);
        await writes.SetHaltAsync(true, "test", "admin", Time.GetUtcNow(), CancellationToken.None);
        Assert.True((await reads.LoadStandingAsync(org.Id, CancellationToken.None)).PlatformHalted);

        // Another process (its own ArenaDatabase) lifts the halt: seen once the cached entry expires.
        var otherProcess = new SqlComplianceStore(new PlatformDatabase(await ArenaDatabase.OpenAsync(db, Time)));
        await otherProcess.SetHaltAsync(false, null, "admin", Time.GetUtcNow(), CancellationToken.None);
        Assert.False((await otherProcess.LoadStandingAsync(org.Id, CancellationToken.None)).PlatformHalted);
        await Task.Delay(ComplianceStandingCache.Ttl + TimeSpan.FromMilliseconds(200));
        Assert.False((await reads.LoadStandingAsync(org.Id, CancellationToken.None)).PlatformHalted);
    }

    private static async Task TradeCountScenario(string db)
    {
        var database = await ArenaDatabase.OpenAsync(db, Time);
        var today = DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);
        string wallet;
        await using (var ledger = await database.OpenLedgerAsync(Time))
        {
            wallet = (await ledger.CreateWalletAsync("org-1", WalletMode.Manual, RiskTolerance.Moderate, "w1")).Address!;
            Assert.True((await ledger.DepositAsync(wallet, Money.Usd(1_000m), "d1")).Accepted);
            Assert.True((await ledger.CreateTokenAsync("ALPHA", "Alpha", "s-alpha", UnitPrice.Of(1m), new DateOnly(2026, 1, 1))).Accepted);
            Assert.True((await ledger.ChangeTokenStatusAsync("ALPHA", TokenStatus.Active)).Accepted);
            var trades = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => ledger.BuyAsync(wallet, "ALPHA", Money.Usd(10m), "b" + i)));
            Assert.All(trades, t => Assert.True(t.Accepted, t.Message));
            Assert.Equal(5, ledger.TradesOn(wallet, today));
        }

        await using var reopened = await (await ArenaDatabase.OpenAsync(db, Time)).OpenLedgerAsync(Time);
        Assert.Equal(5, reopened.TradesOn(wallet, today));
    }
}
