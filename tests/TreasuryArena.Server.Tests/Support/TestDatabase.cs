using Npgsql;

namespace TreasuryArena.Server.Tests.Support;

/// <summary>A throw-away database: a SQLite file in a temp directory, or a fresh PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable("ARENA_TEST_POSTGRES");

    private readonly string? _directory;
    private readonly string? _postgresName;

    private TestDatabase(string connection, string? directory, string? postgresName)
    {
        Connection = connection;
        _directory = directory;
        _postgresName = postgresName;
    }

    /// <summary>What goes into <c>Arena:Database</c>.</summary>
    public string Connection { get; }

    public bool IsPostgres => _postgresName is not null;

    public static TestDatabase Sqlite()
    {
        var dir = Path.Combine(Path.GetTempPath(), "arena-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return new TestDatabase(Path.Combine(dir, "arena.db"), dir, null);
    }

    public static async Task<TestDatabase> PostgresAsync()
    {
        var admin = PostgresConnectionString ?? throw new InvalidOperationException("ARENA_TEST_POSTGRES is not set");
        var name = "arena_srv_" + Guid.NewGuid().ToString("N")[..16];
        await using (var c = new NpgsqlConnection(admin))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            await cmd.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(builder.ToString(), null, name);
    }

    public static async Task<TestDatabase> CreateAsync(bool postgres) => postgres ? await PostgresAsync() : Sqlite();

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(PostgresConnectionString);
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", c);
            await cmd.ExecuteNonQueryAsync();
        }

        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a pooled connection: the temp directory is cleaned by the OS later.
            }
        }
    }
}
