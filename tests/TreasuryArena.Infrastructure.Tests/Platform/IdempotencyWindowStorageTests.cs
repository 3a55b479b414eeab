using Dapper;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Infrastructure.Platform;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Infrastructure.Tests.MarketData;
using TreasuryArena.Infrastructure.Tests.Storage;

namespace TreasuryArena.Infrastructure.Tests.Platform;

/// <summary>
/// Idempotency keys live for a window, in the ledger (live and after a restart from the real journal) and in the
/// stored HTTP responses (found, replaced and purged by age); the SQLite WAL is checkpointed in the background.
/// </summary>
public sealed class IdempotencyWindowStorageTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(30);
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public Task Ledger_Sqlite_RestartRemembersTheWindowOnly() => LedgerStorageTests.WithSqlite(LedgerScenario);

    [PostgresFact]
    public Task Ledger_Postgres_RestartRemembersTheWindowOnly() => LedgerStorageTests.WithPostgres(LedgerScenario);

    [Fact]
    public Task Store_Sqlite_RecordsExpireAreReplacedAndPurged() => LedgerStorageTests.WithSqlite(StoreScenario);

    [PostgresFact]
    public Task Store_Postgres_RecordsExpireAreReplacedAndPurged() => LedgerStorageTests.WithPostgres(StoreScenario);

    [Fact]
    public async Task BackgroundCheckpoints_Sqlite_WritersDoNotCheckpoint_CheckpointAsyncDoes()
    {
        using var dir = new TempDirectory();
        var path = dir.File("wal.db");
        var plain = await ArenaDatabase.OpenAsync(path, TimeProvider.System);
        await using (var c = await plain.OpenConnectionAsync())
        {
            Assert.Equal(1000, await c.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint"));
        }

        var database = await ArenaDatabase.OpenAsync(path, TimeProvider.System);
        database.UseBackgroundCheckpoints();
        await using var ledger = await database.OpenLedgerAsync(TimeProvider.System);
        var wallet = (await ledger.CreateWalletAsync("org-1", WalletMode.Manual, RiskTolerance.Moderate, "w1")).Address!;
        for (var i = 0; i < 200; i++)
        {
            Assert.True((await ledger.DepositAsync(wallet, Money.Usd(1m), "d" + i)).Accepted);
        }

        await using (var c = await database.OpenConnectionAsync())
        {
            Assert.Equal(0, await c.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint"));
        }

        // 200 commits with no checkpoint: every page is still in the WAL; one PASSIVE checkpoint copies them all.
        var (frames, copied) = await database.CheckpointAsync();
        Assert.True(frames >= 200, $"{frames} WAL frames after 200 commits");
        Assert.Equal(frames, copied);

        // The next writer restarts the WAL from its start: a few frames, not 200 more.
        Assert.True((await ledger.DepositAsync(wallet, Money.Usd(1m), "after")).Accepted);
        var (next, _) = await database.CheckpointAsync();
        Assert.InRange(next, 1, 20);
        Assert.Equal(201m, ledger.GetWallet(wallet)!.Cash.Amount);
    }

    [Fact]
    public async Task BackgroundCheckpoints_Sqlite_UnderContinuousWrites_TheWalStaysSmall()
    {
        using var dir = new TempDirectory();
        var path = dir.File("busy.db");
        var database = await ArenaDatabase.OpenAsync(path, TimeProvider.System);
        database.UseBackgroundCheckpoints();
        await using var ledger = await database.OpenLedgerAsync(TimeProvider.System);
        var wallet = (await ledger.CreateWalletAsync("org-1", WalletMode.Manual, RiskTolerance.Moderate, "w1")).Address!;
        using var stop = new CancellationTokenSource();
        var writes = 0;
        var writer = Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref writes);
                Assert.True((await ledger.DepositAsync(wallet, Money.Usd(1m), IdempotencyMemory.OnceKeyPrefix + n)).Accepted);
            }
        })));

        // 32 writers that never pause (the ledger commits back to back) and a checkpoint every 20 ms that takes the
        // write turn above 200 frames: the WAL keeps being rewound instead of growing with every commit.
        for (var i = 0; i < 40 || Volatile.Read(ref writes) < 3000; i++)
        {
            await Task.Delay(20);
            await database.CheckpointAsync(restartAbove: 200);
        }

        await stop.CancelAsync();
        await writer;
        var (last, _) = await database.CheckpointAsync(restartAbove: long.MaxValue);
        Assert.True(last < 1000, $"{last} WAL frames after {writes} deposits");
        Assert.True(new FileInfo(path + "-wal").Length < 8 << 20, $"WAL file of {new FileInfo(path + "-wal").Length} bytes");
        Assert.Equal(writes, ledger.GetWallet(wallet)!.Cash.Amount);
    }

    private static async Task LedgerScenario(string db)
    {
        var time = new ManualTimeProvider(Start);
        var database = await ArenaDatabase.OpenAsync(db, time);
        string wallet;
        LedgerResult recent;
        IReadOnlyDictionary<BalanceKey, decimal> balances;
        await using (var ledger = await database.OpenLedgerAsync(time, idempotencyWindow: Window))
        {
            wallet = (await ledger.CreateWalletAsync("org-1", WalletMode.Manual, RiskTolerance.Moderate, "w1")).Address!;
            Assert.True((await ledger.DepositAsync(wallet, Money.Usd(1_000m), "d1")).Accepted);
            Assert.True((await ledger.CreateTokenAsync("ALPHA", "Alpha", "s-alpha", UnitPrice.Of(1m), new DateOnly(2026, 1, 1))).Accepted);
            Assert.True((await ledger.ChangeTokenStatusAsync("ALPHA", TokenStatus.Active)).Accepted);
            Assert.True((await ledger.BuyAsync(wallet, "ALPHA", Money.Usd(100m), "api:k:old")).Accepted);
            time.Advance(TimeSpan.FromMinutes(20));
            recent = await ledger.BuyAsync(wallet, "ALPHA", Money.Usd(50m), "api:k:recent");
            var onces = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => ledger.BuyAsync(wallet, "ALPHA", Money.Usd(1m), IdempotencyMemory.OnceKeyPrefix + i)));
            Assert.All(onces, o => Assert.True(o.Accepted, o.Message));
            Assert.Equal(3, ledger.RememberedKeys); // d1, old, recent
            balances = ledger.SnapshotBalances();
        }

        // 15 minutes later: d1 and "old" (35 minutes) have expired, "recent" (15 minutes) has not.
        time.Advance(TimeSpan.FromMinutes(15));
        await using var reopened = await (await ArenaDatabase.OpenAsync(db, time)).OpenLedgerAsync(time, idempotencyWindow: Window);
        Assert.Equal(1, reopened.RememberedKeys);
        Assert.Equal(balances.OrderBy(kv => kv.Key.ToString()), reopened.SnapshotBalances().OrderBy(kv => kv.Key.ToString()));
        Assert.Equal(recent with { Repeated = true }, await reopened.BuyAsync(wallet, "ALPHA", Money.Usd(50m), "api:k:recent"));
        var old = await reopened.BuyAsync(wallet, "ALPHA", Money.Usd(100m), "api:k:old");
        Assert.True(old.Accepted && !old.Repeated, old.Message);
        Assert.Equal(balances[new BalanceKey(LedgerAccount.Wallet(wallet), LedgerUnit.Usd)] - 100m, reopened.GetWallet(wallet)!.Cash.Amount);

        var verification = await LedgerVerifier.VerifyAsync(database.CreateLedgerJournal());
        Assert.True(verification.Ok, string.Join("; ", verification.Violations.Select(v => v.Detail)));
    }

    private static async Task StoreScenario(string db)
    {
        var time = new ManualTimeProvider(Start);
        var database = await ArenaDatabase.OpenAsync(db, time);
        await using var store = new SqlIdempotencyStore(new PlatformDatabase(database), time, Window);
        await using var c = await database.OpenConnectionAsync();
        async Task<long> Rows() => await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM idempotency_keys");

        Assert.Null(await store.TryClaimAsync("s", "k", "h1", CancellationToken.None));
        Assert.Null(await store.CompleteAsync("s", "k", "h1", time.GetUtcNow(), 201, "application/json", "first", CancellationToken.None));
        for (var i = 0; i < 50; i++)
        {
            Assert.Null(await store.TryClaimAsync("s", "old" + i, "h", CancellationToken.None));
            Assert.Null(await store.CompleteAsync("s", "old" + i, "h", time.GetUtcNow(), 200, null, "x", CancellationToken.None));
        }

        // Inside the window a repeat finds the first response.
        time.Advance(Window - TimeSpan.FromSeconds(1));
        Assert.Equal("first", (await store.TryClaimAsync("s", "k", "h2", CancellationToken.None))!.Body);
        Assert.Equal(51, await Rows());

        // After it the key is new: claimed again, and its new response replaces the expired record.
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await store.TryClaimAsync("s", "k", "h2", CancellationToken.None));
        Assert.Null(await store.CompleteAsync("s", "k", "h2", time.GetUtcNow(), 200, "application/json", "second", CancellationToken.None));
        var again = await store.TryClaimAsync("s", "k", "h2", CancellationToken.None);
        Assert.Equal(("h2", "second"), (again!.RequestHash, again.Body));

        // That commit also purged the 50 expired records (at most 2 × 1 + 64 a commit).
        Assert.Equal(1, await Rows());
    }
}
