using System.Text;
using System.Text.Json;
using TreasuryArena.Cli.Tests.Support;

namespace TreasuryArena.Cli.Tests.Backup;

/// <summary>The PostgreSQL half: snapshot export, restore into fresh PostgreSQL databases and across engines.</summary>
public sealed partial class BackupCommandsTests
{
    [PostgresBackupFact]
    public async Task BackupRestore_PostgresLedgerAndAudit_SameRowsAndHead_Verifies()
    {
        var source = await BackupDatabases.CreatePostgresAsync();
        var target = await BackupDatabases.CreatePostgresAsync();
        try
        {
            // A ledger with wallets, tokens and trades, and audit rows from the admin verbs.
            var (sim, _, simErr) = await InProcessCli.RunAsync("ledger", "simulate", "--db", source, "--ops", "3000", "--seed", "5");
            Assert.True(sim == 0, simErr);
            Assert.Equal(0, (await InProcessCli.RunAsync("admin", "bootstrap", "--db", source)).Code);
            Assert.Equal(0, (await InProcessCli.RunAsync("org", "create", "Grace Church", "--type", "church", "--db", source)).Code);
            Assert.Equal(0, (await InProcessCli.RunAsync("keys", "issue", "--org", "Grace Church", "--role", "treasurer", "--db", source)).Code);
            var counts = await BackupDatabases.CountsAsync(source);
            var head = await BackupDatabases.HeadAsync(source);
            Assert.True(counts["audit_log"] >= 3 && head.Entries > 1000, "a ledger and an audit chain to back up");

            var backup = PathOf("pg.arena");
            var (code, output, err) = await InProcessCli.RunAsync("backup", "--db", source, "--to", backup, "--json");
            Assert.True(code == 0, err);
            var summary = JsonDocument.Parse(output).RootElement;
            Assert.Equal("treasury-arena-backup", summary.GetProperty("format").GetString());
            Assert.Equal(counts, summary.GetProperty("tables").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal));

            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));
            }

            // The header names engine, schema version, time, row counts and the content's SHA-256, and that hash holds.
            var lines = await File.ReadAllLinesAsync(backup);
            var header = JsonDocument.Parse(lines[0]).RootElement;
            Assert.Equal("postgres", header.GetProperty("engine").GetString());
            Assert.Equal(summary.GetProperty("schema_version").GetInt32(), header.GetProperty("schema_version").GetInt32());
            Assert.True(header.TryGetProperty("created_at", out _));
            var content = (await File.ReadAllBytesAsync(backup)).AsSpan(Encoding.UTF8.GetByteCount(lines[0]) + 1);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), header.GetProperty("content_sha256").GetString());

            await RestoreAndVerifyAsync(backup, target, counts, head.Hash, "logical");
            var (again, _, againErr) = await InProcessCli.RunAsync("restore", "--from", backup, "--db", target);
            Assert.Equal(4, again);
            Assert.Contains("not empty", againErr, StringComparison.Ordinal);

            // The same backup restores into SQLite, and that SQLite backup back into PostgreSQL (--force over the first restore).
            var sqlite = PathOf("from-pg.db");
            await RestoreAndVerifyAsync(backup, sqlite, counts, head.Hash, "logical");
            var sqliteBackup = PathOf("from-pg.bak");
            Assert.Equal(0, (await InProcessCli.RunAsync("backup", "--db", sqlite, "--to", sqliteBackup)).Code);
            var (forced, forcedOut, forcedErr) = await InProcessCli.RunAsync("restore", "--from", sqliteBackup, "--db", target, "--force", "--json");
            Assert.True(forced == 0, forcedErr + forcedOut);
            Assert.Equal(counts, await BackupDatabases.CountsAsync(target));
            Assert.Equal(head.Hash, (await BackupDatabases.HeadAsync(target)).Hash);
            Assert.Equal(0, (await InProcessCli.RunAsync("audit", "verify", "--db", target)).Code);
        }
        finally
        {
            await BackupDatabases.DropPostgresAsync(source);
            await BackupDatabases.DropPostgresAsync(target);
        }
    }

    [PostgresBackupFact]
    public async Task Restore_SqliteDemoIntoPostgres_SameRowsAndHead_Verifies()
    {
        var target = await BackupDatabases.CreatePostgresAsync();
        try
        {
            var backup = PathOf("demo.bak");
            Assert.Equal(0, (await InProcessCli.RunAsync("backup", "--db", demo.Db, "--to", backup)).Code);
            await RestoreAndVerifyAsync(backup, target, await BackupDatabases.CountsAsync(demo.Db), (await BackupDatabases.HeadAsync(demo.Db)).Hash, "logical");
        }
        finally
        {
            await BackupDatabases.DropPostgresAsync(target);
        }
    }

    [PostgresBackupFact]
    public async Task Backup_PostgresWhileTheLedgerWrites_IsOneConsistentSnapshot()
    {
        var db = await BackupDatabases.CreatePostgresAsync();
        try
        {
            await AssertBackupDuringWritesAsync(db);
        }
        finally
        {
            await BackupDatabases.DropPostgresAsync(db);
        }
    }

    [PostgresBackupFact]
    public async Task Restore_DamagedOrNewerPortableBackup_Refused()
    {
        var source = await BackupDatabases.CreatePostgresAsync();
        var target = await BackupDatabases.CreatePostgresAsync();
        try
        {
            Assert.Equal(0, (await InProcessCli.RunAsync("ledger", "simulate", "--db", source, "--ops", "200")).Code);
            var backup = PathOf("pg.arena");
            Assert.Equal(0, (await InProcessCli.RunAsync("backup", "--db", source, "--to", backup)).Code);
            var lines = await File.ReadAllLinesAsync(backup);

            // One edited row: the content no longer matches the header's SHA-256.
            var damaged = PathOf("damaged.arena");
            var edited = Array.FindIndex(lines, l => l.StartsWith('[') && l.Contains('1', StringComparison.Ordinal));
            await File.WriteAllLinesAsync(damaged, lines.Select((l, i) => i == edited ? l.Replace('1', '2') : l));
            var (code, _, err) = await InProcessCli.RunAsync("restore", "--from", damaged, "--db", target);
            Assert.Equal(2, code);
            Assert.Contains("SHA-256", err, StringComparison.Ordinal);

            // A header recording a migration newer than this build's.
            var newer = PathOf("newer.arena");
            await File.WriteAllLinesAsync(newer, [lines[0].Replace("\"migrations\":[", "\"migrations\":[9999,", StringComparison.Ordinal), .. lines[1..]]);
            var (tooNew, _, tooNewErr) = await InProcessCli.RunAsync("restore", "--from", newer, "--db", target);
            Assert.Equal(4, tooNew);
            Assert.Contains("newer than this arena", tooNewErr, StringComparison.Ordinal);
            Assert.Empty(await BackupDatabases.CountsAsync(target));
        }
        finally
        {
            await BackupDatabases.DropPostgresAsync(source);
            await BackupDatabases.DropPostgresAsync(target);
        }
    }
}
