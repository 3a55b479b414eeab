using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Cli.Tests.Backup;

/// <summary>
/// What the backup tests compare, read straight from a database (not through the backup code): each table's row count,
/// the ledger head and the last journal entry; and private PostgreSQL databases named after <c>ARENA_TEST_POSTGRES</c>'s
/// (<c>h_backup</c> → <c>h_backup_1a2b…</c>).
/// </summary>
internal static class BackupDatabases
{
    public const string PostgresVariable = "ARENA_TEST_POSTGRES";

    public static async Task<Dictionary<string, long>> CountsAsync(string db)
    {
        await using var connection = await OpenAsync(db);
        var postgres = connection is NpgsqlConnection;
        var tables = new List<string>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                tables.Add(r.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var t in tables)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT COUNT(*) FROM \"{t}\"";
            counts[t] = Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>The head row and the last entry: (head seq, head hash, last entry's seq, last entry's hash, entries).</summary>
    public static async Task<(long Seq, string Hash, long LastSeq, string LastHash, long Entries)> HeadAsync(string db)
    {
        await using var connection = await OpenAsync(db);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT h.seq, h.hash,
                   COALESCE((SELECT seq FROM ledger_entries ORDER BY seq DESC LIMIT 1), 0),
                   COALESCE((SELECT hash FROM ledger_entries ORDER BY seq DESC LIMIT 1), ''),
                   (SELECT COUNT(*) FROM ledger_entries)
            FROM ledger_head h WHERE h.id = 1
            """;
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync(), "ledger_head has its row");
        return (r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3), r.GetInt64(4));
    }

    public static async Task ExecuteAsync(string db, string sql)
    {
        await using var connection = await OpenAsync(db);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Creates an empty PostgreSQL database on the test server; returns its connection string.</summary>
    public static async Task<string> CreatePostgresAsync()
    {
        var admin = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable));
        var name = (admin.Database ?? "arena") + "_" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12];
        await using (var c = new NpgsqlConnection(admin.ConnectionString))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            await cmd.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task DropPostgresAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var c = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", c);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<DbConnection> OpenAsync(string db)
    {
        var location = DatabaseLocation.Parse(db);
        DbConnection connection = location.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(location.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = location.Display, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
