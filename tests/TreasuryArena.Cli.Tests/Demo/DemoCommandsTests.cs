using System.Text.Json;
using TreasuryArena.Cli.Tests.Support;

namespace TreasuryArena.Cli.Tests.Demo;

/// <summary><c>arena demo</c> end to end on the shipped history into a temp SQLite file.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DemoCommandsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arena-cli-demo-" + Guid.NewGuid().ToString("N"));

    private static readonly string[] BreakerSources = ["backtest", "floor", "cap", "short_backtest", "no_backtest"];

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
    public async Task Demo_ShippedHistory_BuildsAVerifiedPlatform()
    {
        var (code, output, err) = await InProcessCli.RunAsync("demo", "--db", Db, "--weeks", "8", "--to", "2025-10-05", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var s = doc.RootElement;

        Assert.True(s.GetProperty("ledger_ok").GetBoolean());
        Assert.True(s.GetProperty("ledger_entries").GetInt64() > 0);
        var tokens = s.GetProperty("tokens").EnumerateArray().ToList();
        Assert.True(tokens.Count >= 10);
        Assert.Contains(tokens, t => t.GetProperty("status").GetString() == "active");
        var modes = s.GetProperty("wallets").EnumerateArray().Select(w => w.GetProperty("mode").GetString()).ToHashSet();
        Assert.Equal(new HashSet<string?> { "FULL_AI", "HYBRID", "MANUAL" }, modes);
        var manual = s.GetProperty("wallets").EnumerateArray().Single(w => w.GetProperty("mode").GetString() == "MANUAL");
        Assert.Empty(manual.GetProperty("tokens").EnumerateArray());
        Assert.True(s.GetProperty("executions").GetInt32() > 0, "FULL_AI wallets traded");
        Assert.Contains(s.GetProperty("decisions").EnumerateArray(), d => d.GetProperty("subject").GetString() == "treasury");

        var stored = JsonDocument.Parse(await File.ReadAllTextAsync(s.GetProperty("keys_file").GetString()!)).RootElement.EnumerateArray().ToList();
        Assert.Equal(["admin", "treasurer", "viewer"], stored.Select(k => k.GetProperty("role").GetString()));
        // Issue 20: `arena demo` is where the keys are printed (`arena serve` only names the file).
        Assert.All(stored, k => Assert.Contains(k.GetProperty("key").GetString()!, output, StringComparison.Ordinal));

        // The ledger the demo wrote passes `arena ledger verify` from a fresh process view.
        var (verifyCode, verifyOut, _) = await InProcessCli.RunAsync("ledger", "verify", "--db", Db, "--json");
        Assert.Equal(0, verifyCode);
        Assert.Contains("\"ok\":true", verifyOut, StringComparison.Ordinal);

        // The demo church has a sample IPS (issue 21): version 1, its benchmark and budget set, the caps the platform's.
        var (policyCode, policyOut, policyErr) = await InProcessCli.RunAsync("policy", "show", "--db", Db, "--org", "Grace Community Church", "--json");
        Assert.True(policyCode == 0, policyErr);
        Assert.Contains("\"version\":1,", policyOut, StringComparison.Ordinal);
        Assert.Contains("\"monthly_expenses\":15000", policyOut, StringComparison.Ordinal);
        Assert.Contains("\"max_token_weight\":1", policyOut, StringComparison.Ordinal);

        // `arena tokens` shows each token's breaker limit and where it came from (issue 18).
        var (listCode, listOut, listErr) = await InProcessCli.RunAsync("tokens", "--db", Db, "--json");
        Assert.True(listCode == 0, listErr);
        var rows = JsonDocument.Parse(listOut).RootElement.EnumerateArray().ToList();
        Assert.All(rows, r =>
        {
            var b = r.GetProperty("breaker");
            var limit = b.GetProperty("limit").GetDecimal();
            Assert.InRange(limit, b.GetProperty("floor").GetDecimal(), b.GetProperty("cap").GetDecimal());
            Assert.StartsWith("breaker ", b.GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.Contains(b.GetProperty("source").GetString(), BreakerSources);
        });
        var active = rows.First(r => r.GetProperty("status").GetString() == "active").GetProperty("symbol").GetString()!;
        var (holdCode, _, holdErr) = await InProcessCli.RunAsync("tokens", "hold", active, "--db", Db, "--reason", "board review");
        Assert.NotEqual(0, holdCode);
        Assert.Contains("not paused", holdErr, StringComparison.Ordinal);

        // A second run refuses to overwrite without --reset.
        var (again, _, againErr) = await InProcessCli.RunAsync("demo", "--db", Db, "--weeks", "8");
        Assert.NotEqual(0, again);
        Assert.Contains("--reset", againErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_DateOutsideHistory_FailsClearly()
    {
        var (code, _, err) = await InProcessCli.RunAsync("demo", "--db", Db, "--to", "2031-01-01");
        Assert.Equal(2, code);
        Assert.Contains("outside the shipped history", err, StringComparison.Ordinal);
    }
}
