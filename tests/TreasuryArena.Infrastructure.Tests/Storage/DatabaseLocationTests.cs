using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Infrastructure.Tests.Storage;

public sealed class DatabaseLocationTests
{
    [Fact]
    public void Parse_FilePath_Sqlite()
    {
        var l = DatabaseLocation.Parse("data/arena.db");
        Assert.Equal(DatabaseProvider.Sqlite, l.Provider);
        Assert.EndsWith(Path.Combine("data", "arena.db"), l.Display, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PostgresUrl_ConnectionStringWithoutPasswordInDisplay()
    {
        var l = DatabaseLocation.Parse("postgres://alice:s3cr%40t@db.example:6543/arena?sslmode=disable");
        Assert.Equal(DatabaseProvider.Postgres, l.Provider);
        Assert.Contains("Host=db.example", l.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("Port=6543", l.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("Database=arena", l.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("Password=s3cr@t", l.ConnectionString, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr", l.Display, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HostConnectionString_Postgres()
    {
        var l = DatabaseLocation.Parse("Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres");
        Assert.Equal(DatabaseProvider.Postgres, l.Provider);
        Assert.Equal("postgres://postgres@127.0.0.1:55432/postgres", l.Display);
    }

    [Fact]
    public void Parse_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => DatabaseLocation.Parse(" "));
        Assert.Throws<ArgumentException>(() => DatabaseLocation.Parse("postgres://"));
    }

    [Theory]
    [InlineData("postgresql://alice:pw@db.example/arena", "postgres://alice@db.example:5432/arena")]
    [InlineData("host=db.example;port=6543;username=alice;database=arena", "postgres://alice@db.example:6543/arena")]
    [InlineData("Server=db.example;Database=arena;User Id=alice", "postgres://alice@db.example:5432/arena")]
    [InlineData("  Host=db.example;Database=arena;Username=alice  ", "postgres://alice@db.example:5432/arena")]
    public void Parse_PostgresForms_Postgres(string db, string display)
    {
        var l = DatabaseLocation.Parse(db);
        Assert.Equal(DatabaseProvider.Postgres, l.Provider);
        Assert.Equal(display, l.Display);
        Assert.Equal("arena", l.DatabaseName);
    }

    [Theory]
    [InlineData("postgres:/alice:pw@db.example/arena", "postgres://user:password@host:port/database")]
    [InlineData("postgresql:/alice@db.example/arena", "postgres://user:password@host:port/database")]
    [InlineData("postgres:alice@db.example/arena", "postgres://user:password@host:port/database")]
    [InlineData("mysql://alice:pw@db.example/arena", "'mysql:' databases are not supported")]
    [InlineData("file:///tmp/arena.db", "'file:' databases are not supported")]
    [InlineData("Data Source=arena.db", "not a PostgreSQL one")]
    [InlineData("Database=arena;Username=alice;Password=pw", "without Host=")]
    [InlineData("Host=db.example;Bogus=1;Password=pw", "not a PostgreSQL one")]
    public void Parse_ConnectionStringLookalike_RefusedNamingTheExpectedForm_WithoutThePassword(string db, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => DatabaseLocation.Parse(db));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", ex.Message.Replace("postgres://user:password", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("./postgres:/arena")]
    [InlineData("data/x=1.db")]
    [InlineData("C:/data/arena.db")]
    public void Parse_PathThatMerelyContainsColonOrEquals_Sqlite(string db)
    {
        Assert.Equal(DatabaseProvider.Sqlite, DatabaseLocation.Parse(db).Provider);
    }

    [Theory]
    [InlineData("postgres://alice:s3cret@db/arena", "postgres://alice:***@db/arena")]
    [InlineData("Host=db;Password=s3cret;Database=arena", "Host=db;Password=***;Database=arena")]
    [InlineData("host=db;pwd = s3cret", "host=db;pwd = ***")]
    [InlineData("data/arena.db", "data/arena.db")]
    public void Redact_HidesPasswords(string db, string redacted)
    {
        Assert.Equal(redacted, DatabaseLocation.Redact(db));
    }

    [Fact]
    public async Task OpenExistingAsync_MissingFile_ThrowsAndCreatesNothing()
    {
        using var dir = new TempDirectory();
        var path = dir.File(Path.Combine("nested", "arena.db"));
        var ex = await Assert.ThrowsAsync<FileNotFoundException>(() => ArenaDatabase.OpenExistingAsync(path, new StorageFakeTime()));
        Assert.Equal(path, ex.FileName);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public async Task OpenExistingAsync_FileRemovedAfterOpen_ConnectionsDoNotRecreateIt()
    {
        using var dir = new TempDirectory();
        var path = dir.File("arena.db");
        await ArenaDatabase.OpenAsync(path, new StorageFakeTime());
        var existing = await ArenaDatabase.OpenExistingAsync(path, new StorageFakeTime());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in Directory.GetFiles(dir.Path))
        {
            File.Delete(f);
        }

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => existing.OpenConnectionAsync());
        Assert.False(File.Exists(path));
    }
}
