using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Infrastructure.Tests.Storage;

/// <summary>
/// Issue 19: migration 0430 adds each entry's valuation date. A journal written before it (no valuation dates, hashes
/// of the first canonical form) verifies after the migration, new entries carry their valuation date in the hash, and
/// the whole mixed chain verifies.
/// </summary>
public sealed class LedgerValuationDateMigrationTests
{
    private const int Migration = 430;
    private static readonly DateTimeOffset Wall = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly PlatformDate = new(2026, 2, 22);

    [Fact]
    public Task Bug_19_Verify_Sqlite_GreenOnAnOldJournalAfterTheMigrationAndAfterNewEntries() =>
        LedgerStorageTests.WithSqlite(async path =>
        {
            await using (var connection = new SqliteConnection($"Data Source={path}"))
            {
                await connection.OpenAsync();
                await OldJournalAsync(connection, DatabaseProvider.Sqlite);
            }

            await ScenarioAsync(path);
        });

    [PostgresFact]
    public Task Bug_19_Verify_Postgres_GreenOnAnOldJournalAfterTheMigrationAndAfterNewEntries() =>
        LedgerStorageTests.WithPostgres(async connectionString =>
        {
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                await OldJournalAsync(connection, DatabaseProvider.Postgres);
            }

            await ScenarioAsync(connectionString);
        });

    private static async Task ScenarioAsync(string db)
    {
        var time = new FixedTime(Wall);
        var database = await ArenaDatabase.OpenAsync(db, time);
        var before = await LedgerVerifier.VerifyAsync(database.CreateLedgerJournal());
        Assert.True(before.Ok, string.Join("; ", before.Violations.Select(v => v.Detail)));
        Assert.Equal(3, before.Entries);

        await using (var ledger = await database.OpenLedgerAsync(time))
        {
            ledger.BusinessClock = BusinessClock.History(PlatformDate, time);
            var address = ledger.ListWallets().Single().Address;
            Assert.True((await ledger.DepositAsync(address, Money.Usd(250m), "after-migration")).Accepted);
            Assert.Equal(1_750m, ledger.GetWallet(address)!.Cash.Amount);
        }

        var after = await LedgerVerifier.VerifyAsync(database.CreateLedgerJournal());
        Assert.True(after.Ok, string.Join("; ", after.Violations.Select(v => v.Detail)));
        var entries = new List<LedgerEntry>();
        await foreach (var e in database.CreateLedgerJournal().ReadEntriesAsync(CancellationToken.None))
        {
            entries.Add(e);
        }

        Assert.Equal(4, entries.Count);
        Assert.All(entries.Take(3), e => Assert.Null(e.ValuationDate));
        Assert.Equal(PlatformDate, entries[3].ValuationDate);
        Assert.Equal(EntryHasher.Compute(entries[3]), entries[3].Hash);
        Assert.NotEqual(EntryHasher.Compute(entries[3] with { ValuationDate = null }), entries[3].Hash);
    }

    /// <summary>The schema before 0430 and a journal as the code before it wrote one: a wallet, two deposits, a withdrawal.</summary>
    private static async Task OldJournalAsync(DbConnection connection, DatabaseProvider provider)
    {
        var migrations = MigrationRunner.Embedded(provider).Where(m => m.Version < Migration).ToList();
        await MigrationRunner.ApplyAsync(connection, provider, migrations, new FixedTime(Wall), CancellationToken.None);

        var at = new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);
        var address = WalletAddress.Derive("org-old", "w-old");
        var wallet = LedgerAccount.Wallet(address);
        object Instant(DateTimeOffset i) => provider == DatabaseProvider.Sqlite ? i.UtcTicks : i;
        await connection.ExecuteAsync(
            "INSERT INTO ledger_wallets (address, organisation, mode, risk, created_at) VALUES (@address, 'org-old', 'Manual', 'Moderate', @at)",
            new { address, at = Instant(at) });
        var prev = EntryHasher.Genesis;
        var rows = new (long Seq, LedgerOperationKind Op, EntryKind Kind, LedgerAccount From, LedgerAccount To, decimal Amount)[]
        {
            (1, LedgerOperationKind.Deposit, EntryKind.Deposit, LedgerAccount.External, wallet, 1_000m),
            (2, LedgerOperationKind.Deposit, EntryKind.Deposit, LedgerAccount.External, wallet, 1_000m),
            (3, LedgerOperationKind.Withdraw, EntryKind.Withdraw, wallet, LedgerAccount.External, 500m),
        };
        foreach (var r in rows)
        {
            var key = "old-" + r.Seq;
            var hash = EntryHasher.Compute(r.Seq, r.Seq, r.Op, key, r.Kind, "", LedgerUnit.Usd, r.From, r.To, r.Amount, at, prev);
            await connection.ExecuteAsync(
                "INSERT INTO ledger_entries (seq, op_id, op_kind, idem_key, kind, memo, unit, from_account, to_account, amount, at, prev_hash, hash) " +
                "VALUES (@seq, @seq, @op, @key, @kind, '', 'USD', @from, @to, @amount, @at, @prev, @hash)",
                new { seq = r.Seq, op = r.Op.ToString(), key, kind = r.Kind.ToString(), from = r.From.Id, to = r.To.Id, amount = RoundingPolicy.ToScaled(r.Amount, 2), at = Instant(at), prev, hash });
            prev = hash;
        }

        await connection.ExecuteAsync(
            "INSERT INTO ledger_balances (account, unit, amount) VALUES (@w, 'USD', 150000), (@x, 'USD', -150000)",
            new { w = wallet.Id, x = LedgerAccount.External.Id });
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
