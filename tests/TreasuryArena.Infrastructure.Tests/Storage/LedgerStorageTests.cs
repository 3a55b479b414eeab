using Dapper;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Infrastructure.Tests.Storage;

public sealed class LedgerStorageTests
{
    private static readonly TimeProvider Time = new StorageFakeTime();

    [Fact]
    public Task Reopen_Sqlite_ReplaysEveryBalanceAndVerifies() => WithSqlite(ReopenScenario);

    [PostgresFact]
    public Task Reopen_Postgres_ReplaysEveryBalanceAndVerifies() => WithPostgres(ReopenScenario);

    [Fact]
    public Task Verify_Sqlite_FindsChangedRemovedReorderedAndTruncatedRows() => WithSqlite(TamperScenario);

    [PostgresFact]
    public Task Verify_Postgres_FindsChangedRemovedReorderedAndTruncatedRows() => WithPostgres(TamperScenario);

    [Fact]
    public Task Refused_Sqlite_WritesNothing() => WithSqlite(RefusedScenario);

    [PostgresFact]
    public Task Refused_Postgres_WritesNothing() => WithPostgres(RefusedScenario);

    [Fact]
    public Task ParallelBuys_Sqlite_NoOverdraftNoLostWrite() => WithSqlite(ParallelScenario);

    [PostgresFact]
    public Task ParallelBuys_Postgres_NoOverdraftNoLostWrite() => WithPostgres(ParallelScenario);

    [Fact]
    public Task AccountEntries_Sqlite_NewestFirstBothSidesPagedByCursor() => WithSqlite(AccountEntriesScenario);

    [PostgresFact]
    public Task AccountEntries_Postgres_NewestFirstBothSidesPagedByCursor() => WithPostgres(AccountEntriesScenario);

    [Fact]
    public async Task OpenAsync_Twice_AppliesMigrationsOnce()
    {
        using var dir = new TempDirectory();
        var first = await ArenaDatabase.OpenAsync(dir.File("m.db"), Time);
        var second = await ArenaDatabase.OpenAsync(dir.File("m.db"), Time);
        await using var conn = await second.OpenConnectionAsync();
        var versions = await MigrationRunner.AppliedAsync(conn, default);
        Assert.Equal(MigrationRunner.Embedded(DatabaseProvider.Sqlite).Select(m => m.Version), versions);
        Assert.Contains(1, versions);
        var mode = await conn.ExecuteScalarAsync<string>("PRAGMA journal_mode");
        Assert.Equal("wal", mode);
        Assert.Equal(first.Location, second.Location);
    }

    [Fact]
    public async Task ApplyAsync_NewMigration_AppliedInOrderOnlyOnce()
    {
        using var dir = new TempDirectory();
        var db = await ArenaDatabase.OpenAsync(dir.File("m.db"), Time);
        await using var conn = await db.OpenConnectionAsync();
        Migration[] extra = [new(9001, "later", "CREATE TABLE t_later (id INTEGER);"), new(9000, "earlier", "CREATE TABLE t_earlier (id INTEGER);")];

        var applied = await MigrationRunner.ApplyAsync(conn, db.Provider, [.. MigrationRunner.Embedded(db.Provider), .. extra], Time, default);
        var again = await MigrationRunner.ApplyAsync(conn, db.Provider, [.. MigrationRunner.Embedded(db.Provider), .. extra], Time, default);

        Assert.Equal([9000, 9001], applied);
        Assert.Empty(again);
    }

    [PostgresFact]
    public async Task OpenAsync_Postgres_AppliesMigrationsOnce()
    {
        await using var pg = await PostgresTestDatabase.CreateAsync();
        await ArenaDatabase.OpenAsync(pg.ConnectionString, Time);
        var db = await ArenaDatabase.OpenAsync(pg.ConnectionString, Time);
        await using var conn = await db.OpenConnectionAsync();
        Assert.Equal(MigrationRunner.Embedded(DatabaseProvider.Postgres).Select(m => m.Version), await MigrationRunner.AppliedAsync(conn, default));
    }

    internal static async Task WithSqlite(Func<string, Task> scenario)
    {
        using var dir = new TempDirectory();
        await scenario(dir.File("ledger.db"));
    }

    internal static async Task WithPostgres(Func<string, Task> scenario)
    {
        await using var pg = await PostgresTestDatabase.CreateAsync();
        await scenario(pg.ConnectionString);
    }

    private static async Task<(string Wallet, string Other)> SeedAsync(LedgerService ledger)
    {
        var w = (await ledger.CreateWalletAsync("org-1", WalletMode.Hybrid, RiskTolerance.Conservative, "w1")).Address!;
        var o = (await ledger.CreateWalletAsync("org-2", WalletMode.FullAi, RiskTolerance.Aggressive, "w2")).Address!;
        Assert.True((await ledger.CreateTokenAsync("ALPHA", "Alpha", "s-alpha", UnitPrice.Of(1m), new DateOnly(2026, 1, 1), new FeeSchedule(0.01m, 0.01m, 0.1m, CrystallisationSchedule.Monthly, PerformanceHurdle.TBill))).Accepted);
        Assert.True((await ledger.ChangeTokenStatusAsync("ALPHA", TokenStatus.Active)).Accepted);
        Assert.True((await ledger.DepositAsync(w, Money.Usd(10_000m), "d1")).Accepted);
        Assert.True((await ledger.DepositAsync(o, Money.Usd(5_000m), "d2")).Accepted);
        Assert.True((await ledger.BuyAsync(w, "ALPHA", Money.Usd(2_500.55m), "b1")).Accepted);
        Assert.True((await ledger.BuyAsync(o, "ALPHA", Money.Usd(1_000m), "b2")).Accepted);
        Assert.True((await ledger.RevalueAsync("ALPHA", UnitPrice.Of(1.137m), "n1")).Accepted);
        Assert.True((await ledger.AccrueFeesAsync("ALPHA", new DateOnly(2026, 2, 3), "f1", 0.000140666760m, closesPeriod: false)).Accepted);
        Assert.True((await ledger.AccrueFeesAsync("ALPHA", new DateOnly(2026, 2, 10), "f2", 0.000140666760m, closesPeriod: false)).Accepted);
        Assert.True((await ledger.SellAsync(w, "ALPHA", Shares.Of(100.12345678m), "s1")).Accepted);
        Assert.True((await ledger.WithdrawAsync(o, Money.Usd(123.45m), "x1")).Accepted);
        return (w, o);
    }

    private static async Task ReopenScenario(string dbString)
    {
        IReadOnlyDictionary<BalanceKey, decimal> balances;
        TokenView token;
        WalletView wallet;
        string w;
        var db = await ArenaDatabase.OpenAsync(dbString, Time);
        await using (var ledger = await db.OpenLedgerAsync(Time))
        {
            (w, _) = await SeedAsync(ledger);
            balances = ledger.SnapshotBalances();
            token = ledger.GetToken("ALPHA")!;
            wallet = ledger.GetWallet(w)!;
        }

        var verification = await LedgerVerifier.VerifyAsync(db.CreateLedgerJournal());
        Assert.True(verification.Ok, string.Join("; ", verification.Violations));
        Assert.Equal(16, verification.Entries);
        Assert.Equal(PerformanceHurdle.TBill, token.Token.Fees.Hurdle);
        Assert.Equal(new DateOnly(2026, 2, 3), token.Token.HighWaterMarkDate); // reset by January's crystallisation (late, on 3 February)
        Assert.True(token.Token.HurdleIndex > 1m); // grown for 7 days since

        var reopened = await ArenaDatabase.OpenAsync(dbString, Time);
        await using var again = await reopened.OpenLedgerAsync(Time);
        Assert.Equal(balances, again.SnapshotBalances());
        Assert.Equal(token, again.GetToken("ALPHA"));
        Assert.Equal(wallet.Wallet, again.GetWallet(w)!.Wallet);
        Assert.Equal(wallet.Holdings, again.GetWallet(w)!.Holdings);
        var repeat = await again.BuyAsync(w, "ALPHA", Money.Usd(2_500.55m), "b1");
        Assert.True(repeat.Repeated);
        Assert.Equal(balances, again.SnapshotBalances());
    }

    private static async Task AccountEntriesScenario(string dbString)
    {
        var db = await ArenaDatabase.OpenAsync(dbString, Time);
        string w;
        await using (var ledger = await db.OpenLedgerAsync(Time))
        {
            (w, _) = await SeedAsync(ledger);
        }

        await using var journal = db.CreateLedgerJournal();
        var all = new List<LedgerEntry>();
        await foreach (var e in journal.ReadEntriesAsync(CancellationToken.None))
        {
            all.Add(e);
        }

        var account = LedgerAccount.Wallet(w);
        var expected = all.Where(e => e.From == account || e.To == account).OrderByDescending(e => e.Sequence).ToList();
        Assert.Contains(expected, e => e.From == account);
        Assert.Contains(expected, e => e.To == account);
        Assert.True(expected.Count < all.Count);

        // Pages of 2 by cursor, down to the first entry: every entry of the account once, newest first, nobody else's.
        var paged = new List<LedgerEntry>();
        long? cursor = null;
        while (true)
        {
            var page = await journal.ReadAccountEntriesAsync(account, cursor, 2, CancellationToken.None);
            Assert.True(page.Count <= 2);
            paged.AddRange(page);
            if (page.Count < 2)
            {
                break;
            }

            cursor = page[^1].Sequence;
        }

        Assert.Equal(expected.Select(e => e.Sequence), paged.Select(e => e.Sequence));
        Assert.Equal(expected, paged);
    }

    private static async Task TamperScenario(string dbString)
    {
        var db = await ArenaDatabase.OpenAsync(dbString, Time);
        await using (var ledger = await db.OpenLedgerAsync(Time))
        {
            await SeedAsync(ledger);
        }

        async Task<LedgerVerification> Verify() => await LedgerVerifier.VerifyAsync(db.CreateLedgerJournal());
        async Task Sql(string sql)
        {
            await using var conn = await db.OpenConnectionAsync();
            await conn.ExecuteAsync(sql);
        }

        Assert.True((await Verify()).Ok);

        // Changed amount.
        await Sql("UPDATE ledger_entries SET amount = amount + 1 WHERE seq = 4");
        var changed = await Verify();
        Assert.False(changed.Ok);
        Assert.Contains(changed.Violations, v => v.What == "hash" && v.Where == "entry 4");
        await Sql("UPDATE ledger_entries SET amount = amount - 1 WHERE seq = 4");
        Assert.True((await Verify()).Ok);

        // Reordered: swap the sequence numbers of entries 5 and 6.
        await Sql("UPDATE ledger_entries SET seq = -5 WHERE seq = 5");
        await Sql("UPDATE ledger_entries SET seq = 5 WHERE seq = 6");
        await Sql("UPDATE ledger_entries SET seq = 6 WHERE seq = -5");
        var reordered = await Verify();
        Assert.False(reordered.Ok);
        Assert.Contains(reordered.Violations, v => v.What is "hash" or "chain");
        await Sql("UPDATE ledger_entries SET seq = -5 WHERE seq = 5");
        await Sql("UPDATE ledger_entries SET seq = 5 WHERE seq = 6");
        await Sql("UPDATE ledger_entries SET seq = 6 WHERE seq = -5");
        Assert.True((await Verify()).Ok);

        // Removed row in the middle.
        await Sql("DELETE FROM ledger_entries WHERE seq = 3");
        var removed = await Verify();
        Assert.False(removed.Ok);
        Assert.Contains(removed.Violations, v => v.What == "sequence");
        Assert.Contains(removed.Violations, v => v.What == "chain");

        // Removed last row (the chain alone cannot see it; the balances table does).
        await Sql("DELETE FROM ledger_entries WHERE seq = (SELECT MAX(seq) FROM ledger_entries)");
        var truncated = await Verify();
        Assert.Contains(truncated.Violations, v => v.What == "balance");
    }

    private static async Task RefusedScenario(string dbString)
    {
        var db = await ArenaDatabase.OpenAsync(dbString, Time);
        await using var ledger = await db.OpenLedgerAsync(Time);
        var (w, _) = await SeedAsync(ledger);
        await using var conn = await db.OpenConnectionAsync();
        async Task<(long, long, long)> Counts() => (
            await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger_entries"),
            await conn.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(amount), 0) FROM ledger_balances"),
            await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger_balances"));
        var before = await Counts();

        Assert.Equal(LedgerError.InsufficientCash, (await ledger.BuyAsync(w, "ALPHA", Money.Usd(1_000_000m), "r1")).Error);
        Assert.Equal(LedgerError.InvalidAmount, (await ledger.DepositAsync(w, Money.Usd(0.001m), "r2")).Error);
        Assert.Equal(LedgerError.InsufficientShares, (await ledger.SellAsync(w, "ALPHA", Shares.Of(1_000_000m), "r3")).Error);
        Assert.Equal(LedgerError.UnknownWallet, (await ledger.DepositAsync("0x00", Money.Usd(1m), "r4")).Error);

        Assert.Equal(before, await Counts());
    }

    private static async Task ParallelScenario(string dbString)
    {
        var db = await ArenaDatabase.OpenAsync(dbString, Time);
        string w;
        decimal accepted;
        await using (var ledger = await db.OpenLedgerAsync(Time))
        {
            w = (await ledger.CreateWalletAsync("org", WalletMode.Manual, RiskTolerance.Moderate, "w")).Address!;
            await ledger.CreateTokenAsync("ALPHA", "Alpha", "s", UnitPrice.Of(1m), new DateOnly(2026, 1, 1), FeeSchedule.None);
            await ledger.ChangeTokenStatusAsync("ALPHA", TokenStatus.Active);
            await ledger.DepositAsync(w, Money.Usd(1_000m), "d");
            var results = await Task.WhenAll(Enumerable.Range(0, 400).Select(i =>
                Task.Run(() => ledger.BuyAsync(w, "ALPHA", Money.Usd(3m), "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
            accepted = results.Count(r => r.Accepted);
            Assert.Equal(333m, accepted);
            Assert.All(results.Where(r => !r.Accepted), r => Assert.Equal(LedgerError.InsufficientCash, r.Error));
        }

        var reopened = await ArenaDatabase.OpenAsync(dbString, Time);
        await using var again = await reopened.OpenLedgerAsync(Time);
        Assert.Equal(1m, again.GetWallet(w)!.Cash.Amount);
        Assert.Equal(999m, again.GetToken("ALPHA")!.Supply.Value);
        Assert.True((await LedgerVerifier.VerifyAsync(reopened.CreateLedgerJournal())).Ok);
    }
}
