using Npgsql;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Cli.Commands.Demo;

/// <summary>
/// Where <c>arena demo</c> builds: the database of <c>--db</c> (else <c>Arena:Database</c>, else <c>./data/arena.db</c>)
/// parsed as every verb parses it — a PostgreSQL URL or connection string is never a file name — and where its keys
/// file goes: <c>--keys-file</c>, else beside a SQLite database (<c>arena.db</c> → <c>arena-demo-keys.json</c>), else
/// for PostgreSQL <c>DATA_DIRECTORY/postgres-DATABASE-demo-keys.json</c>.
/// </summary>
/// <param name="Location">The parsed database.</param>
/// <param name="Database">What the demo's verbs open: the SQLite file's full path, or the PostgreSQL value as given.</param>
/// <param name="KeysFile">The keys file the demo writes.</param>
/// <param name="ServeArguments">The <c>--db</c> a following <c>arena serve</c> needs (empty for the default database; passwords shown as ***).</param>
internal sealed record DemoTarget(DatabaseLocation Location, string Database, string KeysFile, string ServeArguments)
{
    public static DemoTarget Resolve(string? db, string? keysFile)
    {
        var configured = string.IsNullOrWhiteSpace(db) ? CliHost.Configuration["Arena:Database"] : db;
        var value = string.IsNullOrWhiteSpace(configured) ? CliHost.DefaultDatabase : configured.Trim();
        DatabaseLocation location;
        try
        {
            location = DatabaseLocation.Parse(value);
        }
        catch (ArgumentException ex)
        {
            throw CliDatabase.Invalid(ex);
        }

        if (location.Provider == DatabaseProvider.Sqlite)
        {
            var path = location.Display;
            var keys = string.IsNullOrWhiteSpace(keysFile) ? DemoKeys.PathFor(path) : Path.GetFullPath(keysFile);
            var serve = path == Path.GetFullPath(CliHost.DefaultDatabase) ? "" : " --db " + Quote(path);
            return new DemoTarget(location, path, keys, serve);
        }

        var name = string.Concat((location.DatabaseName ?? "postgres").Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_'));
        var pgKeys = string.IsNullOrWhiteSpace(keysFile) ? Path.Combine(CliHost.DataDirectory, $"postgres-{name}-demo-keys.json") : Path.GetFullPath(keysFile);
        return new DemoTarget(location, value, pgKeys, " --db " + Quote(DatabaseLocation.Redact(value)));
    }

    /// <summary>
    /// Makes room for the demo: an existing SQLite file, or PostgreSQL tables of the arena, are refused without
    /// <paramref name="reset"/>; with it the file (and its WAL) is deleted, or the arena's own tables are dropped. The
    /// old keys file goes too.
    /// </summary>
    public async Task PrepareAsync(bool reset, CancellationToken ct)
    {
        if (Location.Provider == DatabaseProvider.Sqlite)
        {
            if (File.Exists(Database))
            {
                if (!reset)
                {
                    throw new CliException($"{Database} already exists; run `arena demo --reset` to rebuild it (this deletes it), or `arena serve` to use it");
                }

                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var f in new[] { Database, Database + "-wal", Database + "-shm" })
                {
                    File.Delete(f);
                }
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Database)!);
        }
        else
        {
            await PreparePostgresAsync(reset, ct);
        }

        if (reset)
        {
            File.Delete(KeysFile);
        }
    }

    private async Task PreparePostgresAsync(bool reset, CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(Location.ConnectionString);
            await connection.OpenAsync(ct);
            var present = await ArenaTables.PresentAsync(connection, DatabaseProvider.Postgres, ct);
            if (present.Count == 0)
            {
                return;
            }

            if (!reset)
            {
                throw new CliException(
                    $"the PostgreSQL database {Location.Display} already holds the arena's tables ({present.Count}: {string.Join(", ", present.Take(4))}…); " +
                    $"run `arena demo --reset{ServeArguments}` to drop them (only the arena's own tables) and rebuild, or `arena serve{ServeArguments}` to use it");
            }

            await ArenaTables.DropAsync(connection, DatabaseProvider.Postgres, ct);
            NpgsqlConnection.ClearAllPools();
        }
        catch (InvalidOperationException ex)
        {
            throw new CliException($"--reset in {Location.Display}: {ex.Message}");
        }
        catch (PostgresException ex)
        {
            throw new CliException($"--reset in {Location.Display}: cannot drop the arena's tables ({ex.MessageText}{(ex.Detail is { Length: > 0 } d ? "; " + d : "")}); nothing was dropped");
        }
        catch (NpgsqlException ex)
        {
            throw new CliException($"cannot open PostgreSQL database {Location.Display}: {ex.Message}");
        }
    }

    private static string Quote(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || "/._-:@".Contains(c, StringComparison.Ordinal)) ? value : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
