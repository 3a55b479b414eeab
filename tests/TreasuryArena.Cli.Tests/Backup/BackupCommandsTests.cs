using System.Text.Json;
using TreasuryArena.Cli.Tests.Reports;
using TreasuryArena.Cli.Tests.Support;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Cli.Tests.Backup;

/// <summary>
/// <c>arena backup</c> and <c>arena restore</c> end to end through the in-process CLI, on real SQLite files (this file)
/// and the real PostgreSQL server (<c>BackupCommandsTests.Postgres.cs</c>): a demo database (tokens, wallets, ledger,
/// audit chain) is backed up and restored, row counts and the ledger head compared, and the restored database passes
/// <c>arena ledger verify</c> and <c>arena audit verify</c>.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class BackupCommandsTests(ReportDemoFixture demo) : IClassFixture<ReportDemoFixture>, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arena-cli-backup-" + Guid.NewGuid().ToString("N"));

    private string PathOf(string name)
    {
        Directory.CreateDirectory(_dir);
        return Path.Combine(_dir, name);
    }

    [Fact]
    public async Task BackupRestore_SqliteDemo_SameRowsAndHead_Verifies()
    {
        var backup = PathOf("demo.bak");
        var target = PathOf("restored.db");
        var source = await BackupDatabases.CountsAsync(demo.Db);
        var sourceHead = await BackupDatabases.HeadAsync(demo.Db);
        Assert.True(sourceHead.Entries > 100, "the demo wrote a ledger");
        Assert.True(source["audit_log"] > 0 && source["ledger_wallets"] > 0 && source["token_nav_history"] > 0, "the demo wrote audit rows, wallets and tokens");

        var (code, output, err) = await InProcessCli.RunAsync("backup", "--db", demo.Db, "--to", backup, "--json");
        Assert.True(code == 0, err);
        var summary = JsonDocument.Parse(output).RootElement;
        Assert.Equal("sqlite", summary.GetProperty("format").GetString());
        Assert.Equal(sourceHead.Hash, summary.GetProperty("ledger_head").GetProperty("hash").GetString());
        Assert.Equal(source["schema_version"], summary.GetProperty("migrations").GetArrayLength());
        Assert.Equal(source, summary.GetProperty("tables").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));
        }

        await RestoreAndVerifyAsync(backup, target, source, sourceHead.Hash, "sqlite-backup-api");

        // A second restore into the now non-empty target is refused (exit 4) and leaves it as it was; --force replaces it.
        var (again, _, againErr) = await InProcessCli.RunAsync("restore", "--from", backup, "--db", target);
        Assert.Equal(4, again);
        Assert.Contains("--force", againErr, StringComparison.Ordinal);
        Assert.Equal(source, await BackupDatabases.CountsAsync(target));
        var (forced, _, forcedErr) = await InProcessCli.RunAsync("restore", "--from", backup, "--db", target, "--force");
        Assert.True(forced == 0, forcedErr);

        // A backup file is never overwritten by accident either.
        var (exists, _, existsErr) = await InProcessCli.RunAsync("backup", "--db", demo.Db, "--to", backup);
        Assert.Equal(4, exists);
        Assert.Contains("already exists", existsErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_SqliteWhileTheLedgerWrites_IsOneConsistentCommit()
    {
        await AssertBackupDuringWritesAsync(PathOf("live.db"));
    }

    [Fact]
    public async Task Restore_BadInputs_ClearErrorsAndExitCodes()
    {
        var target = PathOf("target.db");
        var (missing, _, missingErr) = await InProcessCli.RunAsync("restore", "--from", PathOf("nope.bak"), "--db", target);
        Assert.Equal(3, missing);
        Assert.Contains("no backup file", missingErr, StringComparison.Ordinal);

        var text = PathOf("notes.txt");
        await File.WriteAllTextAsync(text, "not a backup\n");
        var (wrong, _, wrongErr) = await InProcessCli.RunAsync("restore", "--from", text, "--db", target);
        Assert.Equal(2, wrong);
        Assert.Contains("not a usable", wrongErr, StringComparison.Ordinal);

        var (noSource, _, noSourceErr) = await InProcessCli.RunAsync("backup", "--db", PathOf("absent.db"), "--to", PathOf("absent.bak"));
        Assert.Equal(3, noSource);
        Assert.Contains("no SQLite database", noSourceErr, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("absent.db")), "a backup never creates the database it was asked to read");

        // A backup written by a newer arena (a migration this build does not have) is refused before anything is written.
        var newer = PathOf("newer.bak");
        Assert.Equal(0, (await InProcessCli.RunAsync("backup", "--db", demo.Db, "--to", newer)).Code);
        await BackupDatabases.ExecuteAsync(newer, "INSERT INTO schema_version (version, name, applied_at) VALUES (9999, 'future', 0)");
        var (tooNew, _, tooNewErr) = await InProcessCli.RunAsync("restore", "--from", newer, "--db", target);
        Assert.Equal(4, tooNew);
        Assert.Contains("newer than this arena", tooNewErr, StringComparison.Ordinal);
        Assert.False(File.Exists(target), "nothing was restored");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(_dir))
            {
                Directory.Delete(_dir, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held by a pooled connection: the temp directory is cleaned by the OS later.
        }
    }

    /// <summary>Restores <paramref name="backup"/> into <paramref name="target"/>, then checks rows, head, ledger and audit.</summary>
    private static async Task RestoreAndVerifyAsync(string backup, string target, Dictionary<string, long> expected, string headHash, string method)
    {
        var (code, output, err) = await InProcessCli.RunAsync("restore", "--from", backup, "--db", target, "--json");
        Assert.True(code == 0, err + output);
        var restored = JsonDocument.Parse(output).RootElement;
        Assert.Equal(method, restored.GetProperty("method").GetString());
        Assert.True(restored.GetProperty("verified").GetProperty("ok").GetBoolean());
        Assert.True(restored.GetProperty("ledger_head_matches").GetBoolean());

        Assert.Equal(expected, await BackupDatabases.CountsAsync(target));
        var head = await BackupDatabases.HeadAsync(target);
        Assert.Equal(headHash, head.Hash);
        Assert.Equal((head.Seq, head.Hash), (head.LastSeq, head.LastHash));

        var (ledger, ledgerOut, _) = await InProcessCli.RunAsync("ledger", "verify", "--db", target, "--json");
        Assert.Equal(0, ledger);
        Assert.Contains("\"ok\":true", ledgerOut, StringComparison.Ordinal);
        var (audit, auditOut, _) = await InProcessCli.RunAsync("audit", "verify", "--json", "--db", target);
        Assert.Equal(0, audit);
        Assert.True(JsonDocument.Parse(auditOut).RootElement.GetProperty("audit").GetProperty("entries").GetInt64() > 0);
    }

    /// <summary>
    /// Runs the ledger simulation against <paramref name="db"/> and takes a backup while it commits: the backup's head
    /// sits exactly on its last entry (one commit's state, not a torn one), the live ledger moved on past it, and the
    /// restored copy verifies.
    /// </summary>
    private async Task AssertBackupDuringWritesAsync(string db)
    {
        var backup = PathOf("live.bak");
        var database = await ArenaDatabase.OpenAsync(db, CliHost.Clock);
        long done = 0;
        var warmedUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        long afterBackup = long.MaxValue;
        var movedOn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        await using (var ledger = await database.OpenLedgerAsync(CliHost.Clock))
        {
            var writer = Task.Run(async () =>
            {
                try
                {
                    await LedgerSimulation.RunAsync(ledger, new SimulationOptions(5_000_000, 11, Wallets: 30, Tokens: 3, InFlight: 64), CliHost.Clock, d =>
                    {
                        Volatile.Write(ref done, d);
                        if (d >= 2000)
                        {
                            warmedUp.TrySetResult();
                        }

                        if (d >= Volatile.Read(ref afterBackup) + 2000)
                        {
                            movedOn.TrySetResult();
                        }
                    }, null, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    // Stopped by the test once the backup is taken.
                }
            });
            await warmedUp.Task.WaitAsync(TimeSpan.FromMinutes(2));
            var (code, output, err) = await InProcessCli.RunAsync("backup", "--db", db, "--to", backup, "--json");
            Volatile.Write(ref afterBackup, Volatile.Read(ref done));
            await movedOn.Task.WaitAsync(TimeSpan.FromMinutes(2));
            await stop.CancelAsync();
            await writer;
            Assert.True(code == 0, err);
            Assert.Equal(JsonDocument.Parse(output).RootElement.GetProperty("ledger_head").GetProperty("seq").GetInt64(), (await BackupHeadAsync(backup)).Seq);
        }

        var taken = await BackupHeadAsync(backup);
        var live = await BackupDatabases.HeadAsync(db);
        Assert.True(taken.Seq > 0 && taken.Seq < live.Seq, $"the backup ({taken.Seq}) was taken mid-stream (live head {live.Seq})");

        var restored = PathOf("live-restored.db");
        var (restore, restoreOut, restoreErr) = await InProcessCli.RunAsync("restore", "--from", backup, "--db", restored, "--json");
        Assert.True(restore == 0, restoreErr + restoreOut);
        Assert.True(JsonDocument.Parse(restoreOut).RootElement.GetProperty("verified").GetProperty("ok").GetBoolean());
        var head = await BackupDatabases.HeadAsync(restored);
        Assert.Equal((taken.Seq, taken.Hash), (head.Seq, head.Hash));
        Assert.Equal((head.Seq, head.Hash, head.Seq), (head.LastSeq, head.LastHash, head.Entries));
        Assert.Equal(0, (await InProcessCli.RunAsync("ledger", "verify", "--db", restored)).Code);
    }

    /// <summary>The ledger head a backup file records (its summary), whatever its format.</summary>
    private static async Task<(long Seq, string Hash)> BackupHeadAsync(string backup)
    {
        var summary = await Infrastructure.Storage.Backup.DatabaseBackup.DescribeAsync(backup);
        return (summary.LedgerHead!.Seq, summary.LedgerHead.Hash);
    }
}
