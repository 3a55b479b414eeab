using System.Text.Json;
using TreasuryArena.Cli.Tests.Backup;
using TreasuryArena.Cli.Tests.Support;

namespace TreasuryArena.Cli.Tests.Output;

/// <summary>Issue 22: <c>arena review</c> journals one weekly review per ISO week, on SQLite and on PostgreSQL.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ReviewIdempotenceTests
{
    [Fact]
    public async Task Review_TwiceInOneWeek_Sqlite_OneEntry()
    {
        var dir = Path.Combine(Path.GetTempPath(), "arena-review-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            await AssertOneReviewPerWeekAsync(Path.Combine(dir, "arena.db"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [PostgresBackupFact]
    public async Task Review_TwiceInOneWeek_Postgres_OneEntry()
    {
        var db = await BackupDatabases.CreatePostgresAsync();
        try
        {
            await AssertOneReviewPerWeekAsync(db);
        }
        finally
        {
            await BackupDatabases.DropPostgresAsync(db);
        }
    }

    private static async Task AssertOneReviewPerWeekAsync(string db)
    {
        // The platform treasury (no --org): a daily analysis creates the database and gives the journal an entry.
        var (adviseCode, _, adviseErr) = await InProcessCli.RunAsync("advise", "--db", db, "--as-of", "2026-02-09", "--json");
        Assert.True(adviseCode == 0, adviseErr);

        var first = await ReviewAsync(db, "2026-02-10");
        var second = await ReviewAsync(db, "2026-02-15");
        var otherWeek = await ReviewAsync(db, "2026-02-16");

        Assert.False(first.Repeated);
        Assert.True(second.Repeated);
        Assert.Equal(first.JournalId, second.JournalId);
        Assert.False(otherWeek.Repeated);
        Assert.NotEqual(first.JournalId, otherWeek.JournalId);
        var (code, json, err) = await InProcessCli.RunAsync("journal", "--db", db, "--limit", "100", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(2, doc.RootElement.EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "weekly_review"));
    }

    private static async Task<(long JournalId, bool Repeated)> ReviewAsync(string db, string asOf)
    {
        var (code, json, err) = await InProcessCli.RunAsync("review", "--db", db, "--as-of", asOf, "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(json);
        return (doc.RootElement.GetProperty("journal_id").GetInt64(), doc.RootElement.GetProperty("repeated").GetBoolean());
    }
}
