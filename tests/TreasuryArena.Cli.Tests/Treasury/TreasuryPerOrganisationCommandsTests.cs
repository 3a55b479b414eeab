using System.Text.Json;
using TreasuryArena.Cli.Tests.Support;

namespace TreasuryArena.Cli.Tests.Treasury;

/// <summary>Issue 21: <c>arena treasury create --org NAME --capital N</c> and the verbs' <c>--org</c> on a temp SQLite file.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class TreasuryPerOrganisationCommandsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arena-cli-treasury-org-" + Guid.NewGuid().ToString("N"));

    public TreasuryPerOrganisationCommandsTests() => TreasuryArena.Cli.Commands.Treasury.TreasuryServices.ResetNotice();

    private string Db => Path.Combine(_dir, "arena.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task Create_ThenStatusAndJournal_AreTheOrganisationsOwn()
    {
        Assert.Equal(0, (await InProcessCli.RunAsync("org", "create", "Cedar Chapel", "--type", "church", "--db", Db)).Code);

        // No treasury yet: not found (exit 3).
        var (missing, _, missingErr) = await InProcessCli.RunAsync("treasury", "status", "--org", "Cedar Chapel", "--as-of", "2021-11-10", "--db", Db, "--json");
        Assert.True(missing == 3, missingErr);
        Assert.Contains("no treasury", missingErr, StringComparison.Ordinal);

        var (code, created, err) = await InProcessCli.RunAsync("treasury", "create", "--org", "Cedar Chapel", "--capital", "250000", "--db", Db, "--json");
        Assert.True(code == 0, err);
        using (var doc = JsonDocument.Parse(created))
        {
            Assert.Equal(250_000m, doc.RootElement.GetProperty("capital").GetDecimal());
        }

        var (twice, _, twiceErr) = await InProcessCli.RunAsync("treasury", "create", "--org", "Cedar Chapel", "--capital", "250000", "--db", Db);
        Assert.True(twice == 4, twiceErr); // conflict
        Assert.Equal(3, (await InProcessCli.RunAsync("treasury", "create", "--org", "No Such Chapel", "--capital", "1000", "--db", Db)).Code);

        var (s1, org, e1) = await InProcessCli.RunAsync("treasury", "status", "--org", "Cedar Chapel", "--as-of", "2021-11-10", "--db", Db, "--json");
        var (s2, platform, e2) = await InProcessCli.RunAsync("treasury", "status", "--as-of", "2021-11-10", "--db", Db, "--json");
        Assert.True(s1 == 0, e1);
        Assert.True(s2 == 0, e2);
        using var orgDoc = JsonDocument.Parse(org);
        using var platformDoc = JsonDocument.Parse(platform);
        Assert.Equal(250_000m, orgDoc.RootElement.GetProperty("value").GetDecimal() - orgDoc.RootElement.GetProperty("pnl").GetDecimal());
        Assert.Equal(400_000m, platformDoc.RootElement.GetProperty("value").GetDecimal() - platformDoc.RootElement.GetProperty("pnl").GetDecimal());

        // A run for the organisation journals in its journal only.
        var (a, advice, ae) = await InProcessCli.RunAsync("advise", "--org", "Cedar Chapel", "--as-of", "2021-11-10", "--db", Db, "--json");
        Assert.True(a == 0, ae);
        var (_, journal, _) = await InProcessCli.RunAsync("journal", "--org", "Cedar Chapel", "--db", Db, "--json");
        var (_, platformJournal, _) = await InProcessCli.RunAsync("journal", "--db", Db, "--json");
        using var adviceDoc = JsonDocument.Parse(advice);
        using var entries = JsonDocument.Parse(journal);
        using var platformEntries = JsonDocument.Parse(platformJournal);
        Assert.Equal(adviceDoc.RootElement.GetProperty("journal_id").GetInt64(), Assert.Single(entries.RootElement.EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Empty(platformEntries.RootElement.EnumerateArray());
    }
}
