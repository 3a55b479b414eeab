using System.Data.Common;
using Microsoft.Data.Sqlite;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Infrastructure.Platform;

/// <summary>
/// The server's view of the shared <see cref="ArenaDatabase"/> (SQLite file or PostgreSQL, migrations applied by the
/// ledger's runner; the server's tables are migration 0400). Its tables use SQL that both providers accept, with
/// instants as UTC ticks (BIGINT) in both.
/// </summary>
public sealed class PlatformDatabase(ArenaDatabase database)
{
    public ArenaDatabase Arena { get; } = database;

    public bool IsPostgreSql => Arena.Provider == DatabaseProvider.Postgres;

    /// <summary>The compliance standings cached for this database in this process (shared by every store over it).</summary>
    public ComplianceStandingCache Standings => ComplianceStandingCache.For(Arena);

    public Task<DbConnection> OpenAsync(CancellationToken ct) => Arena.OpenConnectionAsync(ct);

    /// <summary>Begins a write transaction that serialises writers: BEGIN IMMEDIATE on SQLite, plain on PostgreSQL.</summary>
    public static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: false)
            : await connection.BeginTransactionAsync(ct);
    }
}
