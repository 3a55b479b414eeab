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
}
