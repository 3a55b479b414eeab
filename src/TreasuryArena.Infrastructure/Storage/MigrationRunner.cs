using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;

namespace TreasuryArena.Infrastructure.Storage;

/// <summary>
/// Applies every migration not yet recorded in <c>schema_version</c>, in version order, each in its own transaction.
/// Migrations are the embedded <c>Storage/Migrations/{Sqlite|Postgres}/NNNN_name.sql</c> files of this assembly;
/// every area adds its own files in its number range (ledger 0001–0099, advisor/treasury 0200–0299, tokens-live/wallets
/// 0300–0399, server/compliance/audit/jobs 0400–0499, demo/dashboard 0500–0599). On PostgreSQL a transaction-level
/// advisory lock serialises concurrent runners; on SQLite the write transaction does.
/// </summary>
public static partial class MigrationRunner
{
    internal const long AdvisoryLockKey = 0x7265_6173_7572_79; // "treasury"

    /// <summary>The embedded migrations for <paramref name="provider"/>, in version order.</summary>
    public static IReadOnlyList<Migration> Embedded(DatabaseProvider provider)
    {
        var folder = provider == DatabaseProvider.Sqlite ? "Sqlite" : "Postgres";
        var assembly = typeof(MigrationRunner).Assembly;
        var list = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var name = resource.Replace('\\', '/');
            var prefix = "migrations/" + folder + "/";
            if (!name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var file = name[prefix.Length..];
            var m = FileName().Match(file);
            if (!m.Success)
            {
                throw new InvalidOperationException($"migration file '{file}' must be named NNNN_name.sql");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add(new Migration(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value, reader.ReadToEnd()));
        }

        var duplicate = list.GroupBy(x => x.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"two {folder} migrations share version {duplicate.Key}");
        }

        return [.. list.OrderBy(x => x.Version)];
    }

    /// <summary>Applies the missing migrations; returns the versions applied now.</summary>
    public static async Task<IReadOnlyList<int>> ApplyAsync(
        DbConnection connection, DatabaseProvider provider, IReadOnlyList<Migration> migrations, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(time);
        var create = SchemaVersionTableSql(provider);
        if (provider == DatabaseProvider.Postgres)
        {
            // CREATE TABLE IF NOT EXISTS can still race on the catalog; take the lock around it too.
            await using var tx0 = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@k)", new { k = AdvisoryLockKey }, tx0, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(create, transaction: tx0, cancellationToken: cancellationToken));
            await tx0.CommitAsync(cancellationToken);
        }
        else
        {
            await connection.ExecuteAsync(new CommandDefinition(create, cancellationToken: cancellationToken));
        }

        var applied = new List<int>();
        foreach (var migration in migrations.OrderBy(m => m.Version))
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            if (provider == DatabaseProvider.Postgres)
            {
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@k)", new { k = AdvisoryLockKey }, tx, cancellationToken: cancellationToken));
            }

            var done = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM schema_version WHERE version = @v", new { v = migration.Version }, tx, cancellationToken: cancellationToken));
            if (done > 0)
            {
                await tx.RollbackAsync(cancellationToken);
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: tx, cancellationToken: cancellationToken));
            var now = time.GetUtcNow();
            object at = provider == DatabaseProvider.Sqlite ? now.UtcTicks : now.ToUniversalTime();
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@v, @n, @a)",
                new { v = migration.Version, n = migration.Name, a = at }, tx, cancellationToken: cancellationToken));
            await tx.CommitAsync(cancellationToken);
            applied.Add(migration.Version);
        }

        return applied;
    }

    /// <summary>The DDL of the migrations table itself (the one table no migration file creates).</summary>
    internal static string SchemaVersionTableSql(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite
        ? "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)"
        : "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)";

    /// <summary>Versions recorded in <c>schema_version</c>.</summary>
    public static async Task<IReadOnlyList<int>> AppliedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<long>(new CommandDefinition("SELECT version FROM schema_version ORDER BY version", cancellationToken: cancellationToken));
        return [.. rows.Select(v => (int)v)];
    }

    [GeneratedRegex(@"^(\d{4})_([A-Za-z0-9_\-]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
