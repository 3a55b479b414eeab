using TreasuryArena.Cli.Tests.Support;

namespace TreasuryArena.Cli.Tests.Database;

/// <summary>
/// Issue 20: <c>--db</c> on the command line. A verb that only reads refuses a SQLite file that does not exist (exit 2,
/// naming the path and <c>arena demo</c>) and creates neither the file nor its directory; a verb that writes still creates
/// it; a value that looks like a connection string is refused and never becomes a file in the working directory.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class DatabaseOptionTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arena-cli-db-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    /// <summary>Each verb that only reads, its words separated by spaces.</summary>
    public static TheoryData<string> ReadOnlyVerbs =>
    [
        "tokens --json", "ledger verify", "org list", "keys list", "audit verify", "holds", "approvals", "wallet proposals", "report revenue", "treasury status", "journal",
    ];

    [Theory]
    [MemberData(nameof(ReadOnlyVerbs))]
    public async Task ReadOnlyVerb_MissingSqliteFile_RefusedAndNothingCreated(string verb)
    {
        var missing = Path.Combine(_dir, "nested", "x.db");
        var (code, _, err) = await InProcessCli.RunAsync([.. verb.Split(' '), "--db", missing]);

        Assert.Equal(2, code);
        Assert.Contains("no database at " + missing, err, StringComparison.Ordinal);
        Assert.Contains("arena demo", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir), "the command created the database's directory");
    }

    [Fact]
    public async Task ReadOnlyVerb_AsKey_MissingSqliteFile_RefusedAndNothingCreated()
    {
        // --as-key resolves the key against --db before the verb runs: that open must not create the file either.
        var missing = Path.Combine(_dir, "x.db");
        var (code, _, err) = await InProcessCli.RunAsync("tokens", "--db", missing, "--as-key", "ta_nothing");

        Assert.Equal(2, code);
        Assert.Contains("no database at " + missing, err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir));
    }

    [Fact]
    public async Task WritingVerb_MissingSqliteFile_CreatesIt_ThenReadOnlyVerbReadsIt()
    {
        var db = Path.Combine(_dir, "new", "arena.db");
        var (code, _, err) = await InProcessCli.RunAsync("org", "create", "First Chapel", "--type", "church", "--db", db);
        Assert.True(code == 0, err);
        Assert.True(File.Exists(db));

        var (listCode, listOut, listErr) = await InProcessCli.RunAsync("org", "list", "--db", db, "--json");
        Assert.True(listCode == 0, listErr);
        Assert.Contains("First Chapel", listOut, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> ConnectionStringLookalikes => new()
    {
        { "postgres:/arena@127.0.0.1:5432/arena", "postgres://user:password@host:port/database" },
        { "postgres:arena@127.0.0.1/arena", "postgres://user:password@host:port/database" },
        { "mysql://arena:pw@127.0.0.1/arena", "'mysql:' databases are not supported" },
        { "sqlite:///tmp/x.db", "'sqlite:' databases are not supported" },
        { "Data Source=x.db", "not a PostgreSQL one" },
        { "Database=arena;Username=arena;Password=s3cret", "without Host=" },
    };

    [Theory]
    [MemberData(nameof(ConnectionStringLookalikes))]
    public async Task Demo_ConnectionStringLookalike_RefusedWithoutCreatingAFile(string db, string expected)
    {
        var before = Directory.GetFileSystemEntries(Directory.GetCurrentDirectory()).ToHashSet(StringComparer.Ordinal);
        var (code, _, err) = await InProcessCli.RunAsync("demo", "--db", db, "--weeks", "1");

        Assert.Equal(2, code);
        Assert.Contains("--db: ", err, StringComparison.Ordinal);
        Assert.Contains(expected, err, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", err, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", err, StringComparison.Ordinal);
        var created = Directory.GetFileSystemEntries(Directory.GetCurrentDirectory()).Where(e => !before.Contains(e)).ToList();
        Assert.Empty(created);
    }

    [Fact]
    public async Task ReadOnlyVerb_MistypedPostgresUrl_RefusedNamingTheExpectedForm()
    {
        var (code, _, err) = await InProcessCli.RunAsync("tokens", "--db", "postgresql:/arena:pw@127.0.0.1/arena");

        Assert.Equal(2, code);
        Assert.Contains("expected postgres://user:password@host:port/database", err, StringComparison.Ordinal);
        Assert.DoesNotContain(":pw@", err, StringComparison.Ordinal);
    }
}
