using Dapper;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Infrastructure.Tests.Storage;

/// <summary>Issue 20: the arena's own tables, which <c>arena demo --reset</c> on PostgreSQL drops (and nothing else).</summary>
public sealed class ArenaTablesTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Owned_MigrationTables_WithoutTheDroppedOnes_PlusSchemaVersion(DatabaseProvider provider)
    {
        var owned = ArenaTables.Owned(provider);
        Assert.Contains("ledger_entries", owned);
        Assert.Contains("audit_log", owned);
        Assert.Equal("schema_version", owned[^1]);
        Assert.DoesNotContain("trade_counts", owned); // created by 0400, dropped by 0404
        Assert.DoesNotContain("treasury_positions", owned); // moved into the ledger by 0201
        Assert.Equal(owned.Count, owned.Distinct().Count());
    }

    [Fact]
    public async Task PresentAsync_MigratedSqlite_EveryOwnedTable()
    {
        using var dir = new TempDirectory();
        var db = await ArenaDatabase.OpenAsync(dir.File("arena.db"), new StorageFakeTime());
        await using var c = await db.OpenConnectionAsync();
        Assert.Equal(ArenaTables.Owned(DatabaseProvider.Sqlite), await ArenaTables.PresentAsync(c, DatabaseProvider.Sqlite, default));
    }

    [PostgresFact]
    public async Task DropAsync_Postgres_DropsTheArenasTablesOnly()
    {
        await using var pg = await PostgresTestDatabase.CreateAsync();
        await using var c = await MigratedAsync(pg);
        await c.ExecuteAsync("CREATE TABLE other_app (id INT); INSERT INTO other_app VALUES (7)");
        Assert.Equal(ArenaTables.Owned(DatabaseProvider.Postgres), await ArenaTables.PresentAsync(c, DatabaseProvider.Postgres, default));

        var dropped = await ArenaTables.DropAsync(c, DatabaseProvider.Postgres, default);

        Assert.Equal(ArenaTables.Owned(DatabaseProvider.Postgres).Count, dropped.Count);
        Assert.Empty(await ArenaTables.PresentAsync(c, DatabaseProvider.Postgres, default));
        Assert.Equal(7, await c.ExecuteScalarAsync<int>("SELECT id FROM other_app"));
    }

    [PostgresFact]
    public async Task DropAsync_Postgres_SameNamedTablesWithoutSchemaVersion_RefusedAndKept()
    {
        await using var pg = await PostgresTestDatabase.CreateAsync();
        await using var c = await MigratedAsync(pg);
        await c.ExecuteAsync("DROP TABLE schema_version");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => ArenaTables.DropAsync(c, DatabaseProvider.Postgres, default));

        Assert.Contains("not the arena's", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ledger_entries", await ArenaTables.PresentAsync(c, DatabaseProvider.Postgres, default));
    }

    [PostgresFact]
    public async Task DropAsync_Postgres_ViewOfAnotherApplication_FailsAndDropsNothing()
    {
        await using var pg = await PostgresTestDatabase.CreateAsync();
        await using var c = await MigratedAsync(pg);
        await c.ExecuteAsync("CREATE VIEW other_app_view AS SELECT * FROM audit_log");

        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => ArenaTables.DropAsync(c, DatabaseProvider.Postgres, default));

        Assert.Equal(ArenaTables.Owned(DatabaseProvider.Postgres), await ArenaTables.PresentAsync(c, DatabaseProvider.Postgres, default));
    }

    private static async Task<System.Data.Common.DbConnection> MigratedAsync(PostgresTestDatabase pg) =>
        await (await ArenaDatabase.OpenAsync(pg.ConnectionString, new StorageFakeTime())).OpenConnectionAsync();
}
