using System.Data.Common;
using System.Globalization;
using Dapper;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Infrastructure.Storage.Backup;

/// <summary>
/// Reads what a database holds, on either engine: its tables (every base table of the current schema in PostgreSQL,
/// every table but SQLite's own in SQLite) with their columns, row counts, the migrations recorded in
/// <c>schema_version</c> and the ledger head.
/// </summary>
internal static class BackupInventory
{
    public const string MigrationsTable = "schema_version";

    /// <summary>Every table with its columns, by name.</summary>
    public static async Task<IReadOnlyList<TableShape>> TablesAsync(DbConnection connection, DatabaseProvider provider, DbTransaction? tx, CancellationToken ct)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var rows = await connection.QueryAsync<(string Table, string Column, string Type)>(new CommandDefinition(
                """
                SELECT c.table_name, c.column_name, c.data_type
                FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                ORDER BY c.table_name, c.ordinal_position
                """, transaction: tx, cancellationToken: ct));
            return [.. rows.GroupBy(r => r.Table, StringComparer.Ordinal)
                .Select(g => new TableShape(g.Key, [.. g.Select(r => new ColumnShape(r.Column, PostgresKind(g.Key, r.Column, r.Type), r.Type))]))
                .OrderBy(t => t.Name, StringComparer.Ordinal)];
        }

        var names = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name", transaction: tx, cancellationToken: ct));
        var tables = new List<TableShape>();
        foreach (var name in names)
        {
            var columns = await connection.QueryAsync<(long Cid, string Name, string Type)>(new CommandDefinition(
                $"SELECT cid, name, type FROM pragma_table_info('{name.Replace("'", "''", StringComparison.Ordinal)}') ORDER BY cid", transaction: tx, cancellationToken: ct));
            tables.Add(new TableShape(name, [.. columns.Select(c => new ColumnShape(c.Name, SqliteKind(c.Type), c.Type))]));
        }

        return [.. tables.OrderBy(t => t.Name, StringComparer.Ordinal)];
    }

    public static async Task<long> CountAsync(DbConnection connection, string table, DbTransaction? tx, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM {Quote(table)}", transaction: tx, cancellationToken: ct));

    /// <summary>The versions in <c>schema_version</c>, ascending; empty when the table is not there.</summary>
    public static async Task<IReadOnlyList<int>> MigrationsAsync(DbConnection connection, IReadOnlyList<TableShape> tables, DbTransaction? tx, CancellationToken ct)
    {
        if (!tables.Any(t => t.Name == MigrationsTable))
        {
            return [];
        }

        var rows = await connection.QueryAsync<long>(new CommandDefinition(
            $"SELECT version FROM {MigrationsTable} ORDER BY version", transaction: tx, cancellationToken: ct));
        return [.. rows.Select(v => checked((int)v))];
    }

    /// <summary>The ledger head row, or null when the schema has none yet.</summary>
    public static async Task<LedgerHeadInfo?> LedgerHeadAsync(DbConnection connection, IReadOnlyList<TableShape> tables, DbTransaction? tx, CancellationToken ct)
    {
        if (!tables.Any(t => t.Name == "ledger_head"))
        {
            return null;
        }

        var head = (await connection.QueryAsync<(long Seq, string Hash)>(new CommandDefinition(
            "SELECT seq, hash FROM ledger_head WHERE id = 1", transaction: tx, cancellationToken: ct))).ToList();
        return head.Count == 1 ? new LedgerHeadInfo(head[0].Seq, head[0].Hash) : null;
    }

    /// <summary>Each table's row count, in the order of <paramref name="tables"/>.</summary>
    public static async Task<IReadOnlyList<BackupTable>> CountAllAsync(DbConnection connection, IReadOnlyList<TableShape> tables, DbTransaction? tx, CancellationToken ct)
    {
        var counted = new List<BackupTable>(tables.Count);
        foreach (var t in tables)
        {
            counted.Add(new BackupTable(t.Name, t.Columns.Select(c => new BackupColumn(c.Name, c.Kind)).ToList(), await CountAsync(connection, t.Name, tx, ct)));
        }

        return counted;
    }

    /// <summary>A quoted identifier (both engines use double quotes).</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static BackupColumnKind PostgresKind(string table, string column, string type) => type switch
    {
        "bigint" or "integer" or "smallint" => BackupColumnKind.Integer,
        "text" or "character varying" or "character" => BackupColumnKind.Text,
        "timestamp with time zone" => BackupColumnKind.Instant,
        "date" => BackupColumnKind.Date,
        "double precision" or "real" => BackupColumnKind.Real,
        _ => throw new DomainException(Outcome.BackupInvalid, string.Create(
            CultureInfo.InvariantCulture, $"column {table}.{column} has type {type}, which the backup format does not carry")),
    };

    // SQLite's type affinity rules (https://sqlite.org/datatype3.html, 3.1), for the types our migrations declare.
    private static BackupColumnKind SqliteKind(string declared)
    {
        var type = declared.ToUpperInvariant();
        if (type.Contains("INT", StringComparison.Ordinal))
        {
            return BackupColumnKind.Integer;
        }

        return type.Contains("REAL", StringComparison.Ordinal) || type.Contains("FLOA", StringComparison.Ordinal) || type.Contains("DOUB", StringComparison.Ordinal)
            ? BackupColumnKind.Real
            : BackupColumnKind.Text;
    }
}
