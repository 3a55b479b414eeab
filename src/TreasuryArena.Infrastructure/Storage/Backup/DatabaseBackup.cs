using System.Globalization;
using Microsoft.Data.Sqlite;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Infrastructure.Storage.Backup;

/// <summary>
/// <c>arena backup</c> and <c>arena restore</c>. A SQLite database is backed up with SQLite's online backup API into a
/// SQLite file (<see cref="SqliteBackup"/>); a PostgreSQL database is exported from one read-only repeatable-read
/// snapshot into the portable format (<see cref="PostgresBackup"/>, <see cref="PortableBackupFile"/>). Either file
/// restores into either engine: a SQLite file into SQLite by the backup API; anything else by a logical copy in one
/// transaction (<see cref="LogicalRestore"/>). A restore refuses a target that holds tables unless forced, refuses a
/// backup whose schema is newer than this build's migrations, and checks every table's row count afterwards.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>The format name of a SQLite backup (a SQLite database file).</summary>
    public const string SqliteFormat = "sqlite";

    private static readonly byte[] SqliteMagic = "SQLite format 3\0"u8.ToArray();

    /// <summary>Backs <paramref name="source"/> up into <paramref name="file"/> (written beside it as <c>.partial</c>, then renamed).</summary>
    public static async Task<BackupSummary> BackupAsync(
        DatabaseLocation source, string file, bool overwrite, TimeProvider time, IProgress<BackupProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(time);
        file = Path.GetFullPath(file);
        if (source.Provider == DatabaseProvider.Sqlite && string.Equals(Path.GetFullPath(source.Display), file, StringComparison.Ordinal))
        {
            throw new DomainException(Outcome.BackupTargetExists, "the backup file cannot be the database itself");
        }

        if (File.Exists(file) && !overwrite)
        {
            throw new DomainException(Outcome.BackupTargetExists, $"{file} already exists (pass --force to replace it)");
        }

        var dir = Path.GetDirectoryName(file);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        var partial = file + ".partial";
        File.Delete(partial);
        try
        {
            return source.Provider == DatabaseProvider.Sqlite
                ? await SqliteBackup.BackupAsync(source, file, partial, time, ct)
                : await PostgresBackup.ExportAsync(source, file, partial, time, progress, ct);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>What a backup file holds (its header, or for a SQLite file its tables after an integrity check).</summary>
    public static async Task<BackupSummary> DescribeAsync(string file, CancellationToken ct = default)
    {
        file = Path.GetFullPath(file);
        if (!File.Exists(file))
        {
            throw new DomainException(Outcome.BackupNotFound, $"no backup file at {file}");
        }

        if (await IsSqliteAsync(file, ct))
        {
            try
            {
                return await SqliteBackup.DescribeAsync(file, ct) ?? throw PortableBackupFile.Invalid(file, "the SQLite file records no arena migrations");
            }
            catch (SqliteException ex)
            {
                throw PortableBackupFile.Invalid(file, ex.Message);
            }
        }

        var header = PortableBackupFile.ReadHeader(file);
        return new BackupSummary(file, header.Engine, PortableBackupFile.Format, header.SchemaVersion, header.Migrations, header.CreatedAt, header.Tables,
            header.LedgerHead, new FileInfo(file).Length, header.ContentSha256);
    }

    /// <summary>Restores <paramref name="file"/> into <paramref name="target"/>; see the class summary for what is checked.</summary>
    public static async Task<RestoreSummary> RestoreAsync(
        string file, DatabaseLocation target, bool force, IProgress<BackupProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var backup = await DescribeAsync(file, ct);
        _ = MigrationsToApply(target.Provider, backup.Migrations);
        if (target.Provider == DatabaseProvider.Sqlite && string.Equals(Path.GetFullPath(target.Display), backup.File, StringComparison.Ordinal))
        {
            throw new DomainException(Outcome.BackupTargetExists, "the restore target cannot be the backup file itself");
        }

        if (backup.Format == SqliteFormat && target.Provider == DatabaseProvider.Sqlite)
        {
            var copied = await SqliteBackup.RestoreAsync(backup, target, force, ct);
            return await SummaryAsync(backup, target, "sqlite-backup-api", copied, ct);
        }

        if (backup.Format == PortableBackupFile.Format)
        {
            var header = PortableBackupFile.ReadHeader(backup.File);
            await PortableBackupFile.VerifyContentAsync(backup.File, header, ct);
            await using var reader = new PortableBackupReader(backup.File, header);
            var rows = await LogicalRestore.RunAsync(target, reader, backup.Migrations, force, progress, ct);
            return await SummaryAsync(backup, target, "logical", rows, ct);
        }

        var connection = new SqliteConnection(SqliteConnectionString(backup.File, SqliteOpenMode.ReadOnly));
        await connection.OpenAsync(ct);
        await using var source = new SqliteRowSource(connection, backup.Tables);
        var restored = await LogicalRestore.RunAsync(target, source, backup.Migrations, force, progress, ct);
        return await SummaryAsync(backup, target, "logical", restored, ct);
    }

    /// <summary>
    /// The embedded migrations of <paramref name="provider"/> that recreate a backup's schema: exactly the versions it
    /// records. <see cref="Outcome.BackupSchemaTooNew"/> when it records one newer than this build's last.
    /// </summary>
    internal static IReadOnlyList<Migration> MigrationsToApply(DatabaseProvider provider, IReadOnlyList<int> recorded)
    {
        var embedded = MigrationRunner.Embedded(provider);
        var known = embedded.ToDictionary(m => m.Version);
        var last = embedded[^1].Version;
        var newer = recorded.Where(v => v > last).ToList();
        if (newer.Count > 0)
        {
            throw new DomainException(Outcome.BackupSchemaTooNew, string.Create(CultureInfo.InvariantCulture,
                $"the backup's schema version is {recorded.Max():0000}, newer than this arena's {last:0000}: restore it with the arena version that wrote it (or a newer one)"));
        }

        var unknown = recorded.Where(v => !known.ContainsKey(v)).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainException(Outcome.BackupInvalid, $"the backup records migrations this arena does not have: {string.Join(", ", unknown)}");
        }

        return [.. recorded.Order().Select(v => known[v])];
    }

    /// <summary>A backup holds API-key hashes, members and the audit trail: on Unix only its owner may read it (0600).</summary>
    internal static void OwnerOnly(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    internal static DomainException NotEmpty(DatabaseLocation target, int tables) =>
        new(Outcome.BackupTargetExists, string.Create(CultureInfo.InvariantCulture,
            $"{target.Display} is not empty ({tables} tables); restore into an empty database, or pass --force to replace everything in it"));

    /// <summary>A connection without the migrations <see cref="ArenaDatabase.OpenAsync"/> would apply (SQLite: WAL, the file and its directory created).</summary>
    internal static async Task<System.Data.Common.DbConnection> OpenRawAsync(DatabaseLocation target, CancellationToken ct)
    {
        if (target.Provider == DatabaseProvider.Postgres)
        {
            var pg = new Npgsql.NpgsqlConnection(target.ConnectionString);
            await pg.OpenAsync(ct);
            return pg;
        }

        var dir = Path.GetDirectoryName(target.Display);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        var sqlite = new SqliteConnection(SqliteConnectionString(target.Display, SqliteOpenMode.ReadWriteCreate));
        await sqlite.OpenAsync(ct);
        await using var pragmas = sqlite.CreateCommand();
        pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";
        await pragmas.ExecuteNonQueryAsync(ct);
        return sqlite;
    }

    internal static string SqliteConnectionString(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();

    private static async Task<RestoreSummary> SummaryAsync(BackupSummary backup, DatabaseLocation target, string method, IReadOnlyList<BackupTable> tables, CancellationToken ct)
    {
        await using var connection = await OpenRawAsync(target, ct);
        var shapes = await BackupInventory.TablesAsync(connection, target.Provider, null, ct);
        var head = await BackupInventory.LedgerHeadAsync(connection, shapes, null, ct);
        return new RestoreSummary(backup, target.Display, target.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres", method, tables, head);
    }

    private static async Task<bool> IsSqliteAsync(string file, CancellationToken ct)
    {
        var start = new byte[SqliteMagic.Length];
        await using var stream = File.OpenRead(file);
        var read = await stream.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, ct);
        return read == start.Length && start.AsSpan().SequenceEqual(SqliteMagic);
    }
}
