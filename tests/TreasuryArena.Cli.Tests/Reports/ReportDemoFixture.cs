using System.Text.Json;
using TreasuryArena.Cli.Tests.Support;

namespace TreasuryArena.Cli.Tests.Reports;

/// <summary>One <c>arena demo --weeks 8 --to 2025-10-05</c> database shared by the report tests of a class.</summary>
public sealed class ReportDemoFixture : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arena-cli-reports-" + Guid.NewGuid().ToString("N"));

    public string Db => Path.Combine(_dir, "arena.db");

    public string Dir => _dir;

    /// <summary>The demo's wallets: address → mode.</summary>
    public IReadOnlyDictionary<string, string> Wallets { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        var (code, output, err) = await InProcessCli.RunAsync("demo", "--db", Db, "--weeks", "8", "--to", "2025-10-05", "--json");
        if (code != 0)
        {
            throw new InvalidOperationException("arena demo failed: " + err);
        }

        using var doc = JsonDocument.Parse(output);
        Wallets = doc.RootElement.GetProperty("wallets").EnumerateArray()
            .ToDictionary(w => w.GetProperty("address").GetString()!, w => w.GetProperty("mode").GetString()!);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }

        return Task.CompletedTask;
    }
}
