using System.Data;
using System.Globalization;
using Dapper;
using Npgsql;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Infrastructure.Storage.Backup;

/// <summary>
/// The PostgreSQL backup: one <c>REPEATABLE READ READ ONLY</c> transaction, so every table is read from the same
/// snapshot while the server keeps writing, exported in process (no <c>pg_dump</c> of a matching version is needed)
/// into the portable format (<see cref="PortableBackupFile"/>): every base table of the connection's current schema,
/// the migrations table included, rows in primary-key order.
/// </summary>
internal static class PostgresBackup
{
    public static async Task<BackupSummary> ExportAsync(
        DatabaseLocation source, string file, string partial, TimeProvider time, IProgress<BackupProgress>? progress, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(source.ConnectionString);
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await connection.ExecuteAsync(new CommandDefinition("SET TRANSACTION READ ONLY", transaction: tx, cancellationToken: ct));
        var shapes = await BackupInventory.TablesAsync(connection, DatabaseProvider.Postgres, tx, ct);
        var migrations = await BackupInventory.MigrationsAsync(connection, shapes, tx, ct);
        if (migrations.Count == 0)
        {
            throw new DomainException(Outcome.BackupSourceNotFound, $"{source.Display} holds no arena database (no migrations recorded in its current schema)");
        }

        var tables = await BackupInventory.CountAllAsync(connection, shapes, tx, ct);
        var head = await BackupInventory.LedgerHeadAsync(connection, shapes, tx, ct);
        var header = new PortableBackupHeader(
            PortableBackupFile.Format, PortableBackupFile.FormatVersion, "postgres", source.Display, time.GetUtcNow(), migrations[^1], migrations, head, tables, "");
        var sha = await PortableBackupFile.WriteAsync(partial, header, async writer =>
        {
            foreach (var table in tables)
            {
                writer.BeginTable(table.Name);
                var written = await ExportTableAsync(connection, tx, table, writer, progress, ct);
                if (written != table.Rows)
                {
                    throw new DomainException(Outcome.BackupVerifyFailed, string.Create(CultureInfo.InvariantCulture,
                        $"table {table.Name} counted {table.Rows} rows but {written} were read in the same snapshot"));
                }
            }
        }, ct);
        await tx.CommitAsync(ct);
        File.Move(partial, file, overwrite: true);
        return new BackupSummary(file, "postgres", PortableBackupFile.Format, migrations[^1], migrations, header.CreatedAt, tables, head, new FileInfo(file).Length, sha);
    }

    private static async Task<long> ExportTableAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, BackupTable table, PortableBackupFile.Writer writer, IProgress<BackupProgress>? progress, CancellationToken ct)
    {
        var key = (await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT a.attname FROM pg_index i
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
            WHERE i.indrelid = @t::regclass AND i.indisprimary
            ORDER BY array_position(i.indkey::int2[], a.attnum)
            """, new { t = BackupInventory.Quote(table.Name) }, tx, cancellationToken: ct))).ToList();
        var order = key.Count > 0 ? " ORDER BY " + string.Join(", ", key.Select(BackupInventory.Quote)) : "";
        await using var cmd = new NpgsqlCommand(
            $"SELECT {string.Join(", ", table.Columns.Select(c => BackupInventory.Quote(c.Name)))} FROM {BackupInventory.Quote(table.Name)}{order}", connection, tx);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        progress?.Report(new BackupProgress(table.Name, 0, table.Rows));
        long n = 0;
        var values = new object?[table.Columns.Count];
        while (await reader.ReadAsync(ct))
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = await reader.IsDBNullAsync(i, ct) ? null : table.Columns[i].Kind switch
                {
                    BackupColumnKind.Integer => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture),
                    BackupColumnKind.Text => reader.GetString(i),
                    BackupColumnKind.Instant => reader.GetFieldValue<DateTimeOffset>(i),
                    BackupColumnKind.Date => reader.GetFieldValue<DateOnly>(i),
                    _ => reader.GetDouble(i),
                };
            }

            writer.WriteRow(table.Columns, values);
            if (++n % 5000 == 0)
            {
                progress?.Report(new BackupProgress(table.Name, n, table.Rows));
            }
        }

        progress?.Report(new BackupProgress(table.Name, n, table.Rows));
        return n;
    }
}
