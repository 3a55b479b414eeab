using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace TreasuryArena.Infrastructure.Storage.Backup;

/// <summary>The rows of a SQLite backup file, read for a logical restore into PostgreSQL.</summary>
internal sealed class SqliteRowSource(SqliteConnection connection, IReadOnlyList<BackupTable> tables) : IBackupRowSource
{
    public IReadOnlyList<BackupTable> Tables { get; } = tables;

    public async IAsyncEnumerable<object?[]> RowsAsync(BackupTable table, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => BackupInventory.Quote(c.Name)))} FROM {BackupInventory.Quote(table.Name)}";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            yield return values;
        }
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
