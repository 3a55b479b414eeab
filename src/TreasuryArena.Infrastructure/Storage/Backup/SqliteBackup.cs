using System.Globalization;
using System.Security.Cryptography;
using Dapper;
using Microsoft.Data.Sqlite;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Infrastructure.Storage.Backup;

/// <summary>
/// The SQLite backup: SQLite's online backup API (<see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>)
/// copies every page in one step, inside one read transaction, so the copy is the database as of one commit while the
/// server keeps writing (WAL readers never block writers). The backup is a plain SQLite database file (rollback
/// journal, no WAL beside it) that <c>sqlite3</c> opens as it is. A restore into SQLite copies it back the same way.
/// </summary>
internal static class SqliteBackup
{
    public static async Task<BackupSummary> BackupAsync(DatabaseLocation source, string file, string partial, TimeProvider time, CancellationToken ct)
    {
        if (!File.Exists(source.Display) || new FileInfo(source.Display).Length == 0)
        {
            throw new DomainException(Outcome.BackupSourceNotFound, $"no SQLite database at {source.Display}");
        }

        var at = time.GetUtcNow();
        await using (var from = new SqliteConnection(DatabaseBackup.SqliteConnectionString(source.Display, SqliteOpenMode.ReadWrite)))
        await using (var to = new SqliteConnection(DatabaseBackup.SqliteConnectionString(partial, SqliteOpenMode.ReadWriteCreate)))
        {
            await from.OpenAsync(ct);
            await from.ExecuteAsync(new CommandDefinition("PRAGMA busy_timeout=10000;", cancellationToken: ct));
            await to.OpenAsync(ct);
            await Task.Run(() => from.BackupDatabase(to), ct);
            await to.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode=DELETE;", cancellationToken: ct));
        }

        DatabaseBackup.OwnerOnly(partial);
        var summary = await DescribeAsync(partial, ct) ?? throw new DomainException(
            Outcome.BackupSourceNotFound, $"{source.Display} holds no arena database (no migrations recorded)");
        File.Move(partial, file, overwrite: true);
        return summary with { File = file, CreatedAt = at };
    }

    /// <summary>
    /// What a SQLite backup file holds, after <c>PRAGMA integrity_check</c>; null when it records no migrations. The
    /// creation time is the file's last write (the file carries no header of its own).
    /// </summary>
    public static async Task<BackupSummary?> DescribeAsync(string file, CancellationToken ct)
    {
        await using (var connection = new SqliteConnection(DatabaseBackup.SqliteConnectionString(file, SqliteOpenMode.ReadOnly)))
        {
            await connection.OpenAsync(ct);
            var check = await connection.ExecuteScalarAsync<string>(new CommandDefinition("PRAGMA integrity_check", cancellationToken: ct));
            if (!string.Equals(check, "ok", StringComparison.Ordinal))
            {
                throw PortableBackupFile.Invalid(file, "SQLite's integrity check says: " + check);
            }

            var shapes = await BackupInventory.TablesAsync(connection, DatabaseProvider.Sqlite, null, ct);
            var migrations = await BackupInventory.MigrationsAsync(connection, shapes, null, ct);
            if (migrations.Count == 0)
            {
                return null;
            }

            var tables = await BackupInventory.CountAllAsync(connection, shapes, null, ct);
            var head = await BackupInventory.LedgerHeadAsync(connection, shapes, null, ct);
            var bytes = new FileInfo(file).Length;
            await using var stream = File.OpenRead(file);
            var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
            return new BackupSummary(file, "sqlite", DatabaseBackup.SqliteFormat, migrations[^1], migrations,
                new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero), tables, head, bytes, sha);
        }
    }

    /// <summary>Copies a SQLite backup file over the target file with the backup API, then checks it.</summary>
    public static async Task<IReadOnlyList<BackupTable>> RestoreAsync(BackupSummary backup, DatabaseLocation target, bool force, CancellationToken ct)
    {
        var path = target.Display;
        var dir = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        await using var to = new SqliteConnection(DatabaseBackup.SqliteConnectionString(path, SqliteOpenMode.ReadWriteCreate));
        await to.OpenAsync(ct);
        await to.ExecuteAsync(new CommandDefinition("PRAGMA busy_timeout=10000;", cancellationToken: ct));
        var existing = await BackupInventory.TablesAsync(to, DatabaseProvider.Sqlite, null, ct);
        if (existing.Count > 0 && !force)
        {
            throw DatabaseBackup.NotEmpty(target, existing.Count);
        }

        await using (var from = new SqliteConnection(DatabaseBackup.SqliteConnectionString(backup.File, SqliteOpenMode.ReadOnly)))
        {
            await from.OpenAsync(ct);
            await Task.Run(() => from.BackupDatabase(to), ct);
        }

        await to.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode=WAL;", cancellationToken: ct));
        var check = await to.ExecuteScalarAsync<string>(new CommandDefinition("PRAGMA integrity_check", cancellationToken: ct));
        var tables = await BackupInventory.CountAllAsync(to, await BackupInventory.TablesAsync(to, DatabaseProvider.Sqlite, null, ct), null, ct);
        var expected = backup.Tables.ToDictionary(t => t.Name, t => t.Rows, StringComparer.Ordinal);
        var wrong = tables.Where(t => !expected.TryGetValue(t.Name, out var rows) || rows != t.Rows).Select(t => t.Name).ToList();
        if (!string.Equals(check, "ok", StringComparison.Ordinal) || wrong.Count > 0 || tables.Count != expected.Count)
        {
            throw new DomainException(Outcome.BackupVerifyFailed, string.Create(CultureInfo.InvariantCulture,
                $"the restored {path} does not match the backup (integrity check: {check}; tables whose row count differs: {string.Join(", ", wrong)})"));
        }

        return tables;
    }
}
