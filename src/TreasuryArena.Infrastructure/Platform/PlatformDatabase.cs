using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace TreasuryArena.Infrastructure.Platform;

/// <summary>
/// Opens connections to the platform database: a SQLite file path (WAL) or a PostgreSQL connection string
/// (recognised by <c>Host=</c>). The server's tables use SQL that both providers accept.
/// </summary>
public sealed class PlatformDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;

    public PlatformDatabase(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        if (IsPostgres(database))
        {
            _postgres = NpgsqlDataSource.Create(database);
        }
        else
        {
            var path = database.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase)
                ? new SqliteConnectionStringBuilder(database).DataSource
                : database;
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            _sqlite = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true, DefaultTimeout = 30 }.ToString();
        }
    }

    public bool IsPostgreSql => _postgres is not null;

    public static bool IsPostgres(string database) =>
        database.Contains("Host=", StringComparison.OrdinalIgnoreCase) || database.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(ct);
        }

        var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(ct);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
        await pragma.ExecuteNonQueryAsync(ct);
        return connection;
    }

    /// <summary>Begins a write transaction that serialises writers: BEGIN IMMEDIATE on SQLite, plain on PostgreSQL.</summary>
    public static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: false)
            : await connection.BeginTransactionAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
