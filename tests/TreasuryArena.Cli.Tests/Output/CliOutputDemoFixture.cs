using System.Text.Json;
using TreasuryArena.Cli.Tests.Support;

namespace TreasuryArena.Cli.Tests.Output;

/// <summary>One <c>arena demo --weeks 8 --to 2025-10-05</c> run in text mode (its printed summary kept) for the output tests.</summary>
public sealed class CliOutputDemoFixture : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arena-cli-output-" + Guid.NewGuid().ToString("N"));

    public string Db => Path.Combine(_dir, "arena.db");

    /// <summary>What <c>arena demo</c> printed (no <c>--json</c>).</summary>
    public string DemoText { get; private set; } = "";

    /// <summary>The addresses of the demo's wallets with proposals (the HYBRID one), in full.</summary>
    public IReadOnlyList<string> Wallets { get; private set; } = [];

    public const string Church = "Grace Community Church";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        var (code, output, err) = await InProcessCli.RunAsync("demo", "--db", Db, "--weeks", "8", "--to", "2025-10-05");
        if (code != 0)
        {
            throw new InvalidOperationException("arena demo failed: " + err);
        }

        DemoText = output;
        var (_, proposals, proposalsErr) = await InProcessCli.RunAsync("wallet", "proposals", "--all", "--db", Db, "--json");
        using var doc = JsonDocument.Parse(proposals.Length > 0 ? proposals : throw new InvalidOperationException(proposalsErr));
        Wallets = [.. doc.RootElement.EnumerateArray().Select(w => w.GetProperty("wallet_address").GetString()!).Distinct(StringComparer.Ordinal)];
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
