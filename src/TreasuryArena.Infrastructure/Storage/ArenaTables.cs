using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;

namespace TreasuryArena.Infrastructure.Storage;

/// <summary>
/// The arena's own tables in a database: those its embedded migrations create (and have not dropped since), plus the
/// migrations table <c>schema_version</c>. <c>arena demo --reset</c> on PostgreSQL drops exactly these, so a database
/// shared with other applications keeps their tables.
/// </summary>
public static partial class ArenaTables
{
    /// <summary>The migrations table (see <see cref="MigrationRunner"/>).</summary>
    public const string SchemaVersion = "schema_version";

    /// <summary>The tables the migrations of <paramref name="provider"/> leave behind, in creation order, then <c>schema_version</c>.</summary>
    public static IReadOnlyList<string> Owned(DatabaseProvider provider)
    {
        var tables = new List<string>();
        foreach (var migration in MigrationRunner.Embedded(provider))
        {
            foreach (Match m in TableStatement().Matches(migration.Sql))
            {
                var name = m.Groups[2].Value.ToLowerInvariant();
                tables.Remove(name);
                if (m.Groups[1].Value.Equals("CREATE", StringComparison.OrdinalIgnoreCase))
                {
                    tables.Add(name);
                }
            }
        }

        tables.Add(SchemaVersion);
        return tables;
    }

    /// <summary>Which of the arena's tables exist (PostgreSQL: in the connection's current schema).</summary>
    public static async Task<IReadOnlyList<string>> PresentAsync(DbConnection connection, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var sql = provider == DatabaseProvider.Postgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table'";
        var existing = (await connection.QueryAsync<string>(new CommandDefinition(sql, cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.Ordinal);
        return [.. Owned(provider).Where(existing.Contains)];
    }

    /// <summary>
    /// Drops the arena's tables that exist, in one statement and one transaction (no <c>CASCADE</c>: a view or foreign
    /// key of another application on them makes it fail, dropping nothing); returns the tables dropped. Refuses
    /// (<see cref="InvalidOperationException"/>) when tables with the arena's names exist without its
    /// <c>schema_version</c>: they are not provably the arena's.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DropAsync(DbConnection connection, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        var present = await PresentAsync(connection, provider, cancellationToken);
        if (present.Count == 0)
        {
            return present;
        }

        if (!present.Contains(SchemaVersion))
        {
            throw new InvalidOperationException(
                $"tables named like the arena's exist without its {SchemaVersion} table ({string.Join(", ", present)}): they are not the arena's, so nothing was dropped");
        }

        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        if (provider == DatabaseProvider.Postgres)
        {
            // Schema-qualified: the tables of the current schema, never a same-named table further down the search path.
            var schema = await connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT current_schema()", transaction: tx, cancellationToken: cancellationToken));
            var names = string.Join(", ", present.Select(t => Quote(schema!) + "." + Quote(t)));
            await connection.ExecuteAsync(new CommandDefinition($"DROP TABLE {names}", transaction: tx, cancellationToken: cancellationToken));
        }
        else
        {
            foreach (var table in present.Reverse())
            {
                await connection.ExecuteAsync(new CommandDefinition($"DROP TABLE {Quote(table)}", transaction: tx, cancellationToken: cancellationToken));
            }
        }

        await tx.CommitAsync(cancellationToken);
        return present;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"\b(CREATE|DROP)\s+TABLE\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?""?([A-Za-z_][A-Za-z0-9_]*)""?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TableStatement();
}
