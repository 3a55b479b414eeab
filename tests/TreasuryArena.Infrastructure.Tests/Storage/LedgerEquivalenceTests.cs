using Dapper;
using FsCheck.Fluent;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Tests.Ledger;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Infrastructure.Tests.Storage;

/// <summary>
/// The same random operation sequences (FsCheck-generated) run through the real ledger in memory (one at a time) and
/// on SQLite and PostgreSQL (all queued at once, so group commits batch them) end in identical state: same results,
/// balances, tokens, wallets, holdings and the same head hash; both databases verify, and reopening each replays to
/// the same state.
/// </summary>
public sealed class LedgerEquivalenceTests
{
    private static readonly TimeProvider Time = new StorageFakeTime();

    [Fact]
    public async Task RandomSequences_SqliteBatchedAndMemorySequential_EndIdentical()
    {
        foreach (var ops in Gen.Sample(LedgerOpGen.Sequence, 50, 5))
        {
            using var dir = new TempDirectory();
            await RunBothAsync(ops, dir.File("a.db"));
        }
    }

    [PostgresFact]
    public async Task RandomSequences_SqlitePostgresAndMemory_EndIdentical()
    {
        // One private database for the test (creating one per sequence costs seconds on a busy disk); the ledger
        // tables are emptied before each sequence.
        await using var pg = await PostgresTestDatabase.CreateAsync();
        var db = await ArenaDatabase.OpenAsync(pg.ConnectionString, Time);
        foreach (var ops in Gen.Sample(LedgerOpGen.Sequence, 50, 5))
        {
            await using (var conn = await db.OpenConnectionAsync())
            {
                await conn.ExecuteAsync("TRUNCATE ledger_entries, ledger_balances, ledger_tokens, ledger_wallets");
                await conn.ExecuteAsync("UPDATE ledger_head SET seq = 0, hash = @genesis, revision = 0", new { genesis = EntryHasher.Genesis });
            }

            using var dir = new TempDirectory();
            await RunBothAsync(ops, dir.File("a.db"), pg.ConnectionString);
        }
    }

    private static async Task RunBothAsync(List<LedgerOp> ops, string sqlite, string? postgres = null)
    {
        var label = string.Join(" ", ops);

        // Reference run: in memory, one command at a time.
        await using var memory = LedgerService.InMemory(Time);
        var commands = new List<LedgerCommand>(LedgerOpGen.SetUp());
        var expected = new List<LedgerResult>();
        foreach (var c in commands)
        {
            expected.Add(await memory.ExecuteAsync(c));
        }

        for (var i = 0; i < ops.Count; i++)
        {
            var command = LedgerOpGen.Command(
                ops[i], i, (w, s) => memory.GetHolding(w, s)?.Shares.Value ?? 0m, s => memory.GetToken(s)?.Token,
                a => memory.GetTreasury(LedgerOpGen.Organisation)?.Positions.FirstOrDefault(p => p.Asset == a)?.Units ?? 0m);
            commands.Add(command);
            expected.Add(await memory.ExecuteAsync(command));
        }

        // The same commands, all queued at once (so the writer batches them), on each database.
        var databases = new List<ArenaDatabase> { await ArenaDatabase.OpenAsync(sqlite, Time) };
        if (postgres is not null)
        {
            databases.Add(await ArenaDatabase.OpenAsync(postgres, Time));
        }

        foreach (var db in databases)
        {
            await using (var ledger = await db.OpenLedgerAsync(Time))
            {
                var results = await Task.WhenAll(commands.Select(c => ledger.ExecuteAsync(c)));
                for (var i = 0; i < results.Length; i++)
                {
                    Assert.True(results[i] == expected[i], $"{db.Provider} {commands[i]}: {results[i]} vs {expected[i]} in {label}");
                }

                AssertSameState(memory, ledger);
            }

            var v = await LedgerVerifier.VerifyAsync(db.CreateLedgerJournal());
            Assert.True(v.Ok, $"{db.Provider}: {string.Join("; ", v.Violations)} in {label}");
            await using var reopened = await db.OpenLedgerAsync(Time);
            AssertSameState(memory, reopened);
        }
    }

    private static void AssertSameState(LedgerService expected, LedgerService actual)
    {
        Assert.Equal(expected.SnapshotBalances(), actual.SnapshotBalances());
        Assert.Equal(expected.ListTokens(), actual.ListTokens());
        Assert.Equal(expected.ListWallets(), actual.ListWallets());
        foreach (var w in expected.ListWallets())
        {
            Assert.Equal(expected.GetWallet(w.Address)!.Holdings, actual.GetWallet(w.Address)!.Holdings);
        }

        Assert.Equal(expected.Head, actual.Head);
    }
}
