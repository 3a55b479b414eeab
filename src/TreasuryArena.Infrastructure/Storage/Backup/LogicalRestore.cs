using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Infrastructure.Storage.Backup;

/// <summary>
/// Restores the rows of a backup into a database in ONE transaction, so a failure leaves the target as it was: check
/// the target is empty (with <c>force</c>, drop its tables instead), create the schema by applying exactly the
/// migrations the backup records (the backup's schema version, not newer; opening the database later applies the rest
/// as for any older database), empty the tables those migrations seeded, copy every row (PostgreSQL: binary
/// <c>COPY</c>; SQLite: prepared inserts), check each table's row count equals the backup's, and commit.
/// </summary>
internal static class LogicalRestore
{
    private const int ProgressEvery = 5000;

    public static async Task<IReadOnlyList<BackupTable>> RunAsync(
        DatabaseLocation target, IBackupRowSource source, IReadOnlyList<int> migrations, bool force, IProgress<BackupProgress>? progress, CancellationToken ct)
    {
        var provider = target.Provider;
        var apply = DatabaseBackup.MigrationsToApply(provider, migrations);
        await using var connection = await DatabaseBackup.OpenRawAsync(target, ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (provider == DatabaseProvider.Postgres)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@k)", new { k = MigrationRunner.AdvisoryLockKey }, tx, cancellationToken: ct));
        }

        var existing = await BackupInventory.TablesAsync(connection, provider, tx, ct);
        if (existing.Count > 0)
        {
            if (!force)
            {
                throw DatabaseBackup.NotEmpty(target, existing.Count);
            }

            foreach (var t in existing)
            {
                var cascade = provider == DatabaseProvider.Postgres ? " CASCADE" : "";
                await connection.ExecuteAsync(new CommandDefinition($"DROP TABLE IF EXISTS {BackupInventory.Quote(t.Name)}{cascade}", transaction: tx, cancellationToken: ct));
            }
        }

        await connection.ExecuteAsync(new CommandDefinition(MigrationRunner.SchemaVersionTableSql(provider), transaction: tx, cancellationToken: ct));
        foreach (var m in apply)
        {
            await connection.ExecuteAsync(new CommandDefinition(m.Sql, transaction: tx, cancellationToken: ct));
        }

        var shapes = (await BackupInventory.TablesAsync(connection, provider, tx, ct)).ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var table in source.Tables)
        {
            if (!shapes.TryGetValue(table.Name, out var shape))
            {
                throw new DomainException(Outcome.BackupInvalid, $"the backup holds table {table.Name}, which the migrations up to version {migrations.Max()} do not create");
            }

            await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM {BackupInventory.Quote(table.Name)}", transaction: tx, cancellationToken: ct));
        }

        var restored = new List<BackupTable>(source.Tables.Count);
        foreach (var table in source.Tables)
        {
            var shape = shapes[table.Name];
            var columns = table.Columns.Select(c => shape.Columns.FirstOrDefault(s => s.Name == c.Name)
                ?? throw new DomainException(Outcome.BackupInvalid, $"the backup's column {table.Name}.{c.Name} is not in the schema the migrations create")).ToList();
            progress?.Report(new BackupProgress(table.Name, 0, table.Rows));
            var rows = provider == DatabaseProvider.Postgres
                ? await CopyAsync((NpgsqlConnection)connection, table, columns, source, progress, ct)
                : await InsertAsync((SqliteConnection)connection, (SqliteTransaction)tx, table, columns, source, progress, ct);
            var count = await BackupInventory.CountAsync(connection, table.Name, tx, ct);
            if (rows != table.Rows || count != table.Rows)
            {
                throw new DomainException(Outcome.BackupVerifyFailed, string.Create(CultureInfo.InvariantCulture,
                    $"table {table.Name}: the backup holds {table.Rows} rows, {rows} were read and the target holds {count}; nothing was restored"));
            }

            progress?.Report(new BackupProgress(table.Name, rows, table.Rows));
            restored.Add(table with { Rows = count });
        }

        await tx.CommitAsync(ct);
        return restored;
    }

    private static async Task<long> CopyAsync(
        NpgsqlConnection connection, BackupTable table, List<ColumnShape> columns, IBackupRowSource source, IProgress<BackupProgress>? progress, CancellationToken ct)
    {
        var types = columns.Select(c => c.DbType switch
        {
            "bigint" => NpgsqlDbType.Bigint,
            "integer" => NpgsqlDbType.Integer,
            "smallint" => NpgsqlDbType.Smallint,
            "timestamp with time zone" => NpgsqlDbType.TimestampTz,
            "date" => NpgsqlDbType.Date,
            "double precision" => NpgsqlDbType.Double,
            "real" => NpgsqlDbType.Real,
            _ => NpgsqlDbType.Text,
        }).ToArray();
        var copy = $"COPY {BackupInventory.Quote(table.Name)} ({string.Join(", ", columns.Select(c => BackupInventory.Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        long n = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(copy, ct))
        {
            await foreach (var row in source.RowsAsync(table, ct))
            {
                await importer.StartRowAsync(ct);
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = BackupValues.ToTarget(row[i], columns[i], table.Name);
                    if (value is null)
                    {
                        await importer.WriteNullAsync(ct);
                    }
                    else
                    {
                        await importer.WriteAsync(value, types[i], ct);
                    }
                }

                if (++n % ProgressEvery == 0)
                {
                    progress?.Report(new BackupProgress(table.Name, n, table.Rows));
                }
            }

            await importer.CompleteAsync(ct);
        }

        return n;
    }

    private static async Task<long> InsertAsync(
        SqliteConnection connection, SqliteTransaction tx, BackupTable table, List<ColumnShape> columns, IBackupRowSource source,
        IProgress<BackupProgress>? progress, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"INSERT INTO {BackupInventory.Quote(table.Name)} ({string.Join(", ", columns.Select(c => BackupInventory.Quote(c.Name)))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})");
        var parameters = columns.Select((_, i) => cmd.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null))).ToArray();
        long n = 0;
        await foreach (var row in source.RowsAsync(table, ct))
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = BackupValues.ToTarget(row[i], columns[i], table.Name) ?? DBNull.Value;
            }

            await cmd.ExecuteNonQueryAsync(ct);
            if (++n % ProgressEvery == 0)
            {
                progress?.Report(new BackupProgress(table.Name, n, table.Rows));
            }
        }

        return n;
    }
}
