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
        // Two treasurers (the two-person approval needs a second member) and a viewer.
        Assert.Equal(["admin", "treasurer", "viewer", "treasurer"], stored.Select(k => k.GetProperty("role").GetString()));
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

        // Issue 21: the IPS at work, as stored in the database (not only as the summary says).
        Assert.Contains("\"dual_control_threshold\":10000", policyOut, StringComparison.Ordinal);
        await AssertPolicyAtWorkAsync(s);

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
            // Issue 22: the breaker's state and rule from Core, the same as the token info's.
            var state = b.GetProperty("state").GetString();
            Assert.Equal(r.GetProperty("status").GetString() switch { "active" => "armed", "proving" => "proving", _ => state }, state);
            Assert.False(string.IsNullOrWhiteSpace(b.GetProperty("resume_rule").GetString()));
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

    /// <summary>
    /// The demo's IPS set (version 1 excluding the short-term trading strategies, a $10,000 dual-control threshold), the
    /// refused buy audited as <c>trade.buy</c> refused <c>policy_breach</c> naming the clause, the two-person approval
    /// executed with two different approvers, and the board report written with content — read from the SQLite file.
    /// </summary>
    private async Task AssertPolicyAtWorkAsync(JsonElement summary)
    {
        var policy = summary.GetProperty("policy");
        await using var c = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + Db);
        await c.OpenAsync();

        var documents = await ColumnAsync(c, "SELECT document FROM investment_policies ORDER BY version");
        var document = Assert.Single(documents);
        Assert.Contains("fear-greed-contrarian", document, StringComparison.Ordinal);
        Assert.Contains("dual_control_threshold", document, StringComparison.Ordinal);

        var refusal = policy.GetProperty("refusal");
        Assert.Equal("policy_breach", refusal.GetProperty("code").GetString());
        Assert.Equal("excluded_strategies", refusal.GetProperty("clause").GetString());
        var refusals = await ColumnAsync(c, "SELECT detail FROM audit_log WHERE action = 'trade.buy' AND outcome = 'refused'");
        var audited = Assert.Single(refusals, d => d.Contains("\"policy_breach\"", StringComparison.Ordinal));
        Assert.Contains("\"clause\":\"excluded_strategies\"", audited, StringComparison.Ordinal);
        Assert.Contains(refusal.GetProperty("symbol").GetString()!, audited, StringComparison.Ordinal);

        var approval = policy.GetProperty("approval");
        Assert.Equal("awaiting_second_approval", approval.GetProperty("requested").GetString());
        Assert.Equal("executed", approval.GetProperty("status").GetString());
        Assert.Equal("Pat Treasurer", approval.GetProperty("requested_by").GetString());
        Assert.Equal("Chris Deacon", approval.GetProperty("approved_by").GetString());
        var executed = await ColumnAsync(c, "SELECT requested_by || '|' || decided_by || '|' || result FROM approvals WHERE status = 'executed'");
        var row = Assert.Single(executed).Split('|');
        // Stored records name members by pseudonym (issue 21: erasable names); two different members decided it.
        Assert.StartsWith("member-", row[0], StringComparison.Ordinal);
        Assert.StartsWith("member-", row[1], StringComparison.Ordinal);
        Assert.NotEqual(row[0][..19], row[1][..19]);
        Assert.StartsWith("executed:", row[2], StringComparison.Ordinal);
        Assert.Single(await ColumnAsync(c, "SELECT subject FROM audit_log WHERE action = 'approval.approve' AND outcome = 'done'"));

        var board = policy.GetProperty("board_report");
        Assert.Equal("2025Q3", board.GetProperty("quarter").GetString());
        var html = board.GetProperty("html_path").GetString()!;
        Assert.Equal(_dir, Path.GetDirectoryName(html));
        var page = await File.ReadAllTextAsync(html);
        Assert.Contains("Grace Community Church, 2025Q3</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        if (board.GetProperty("pdf_path").GetString() is { } pdf)
        {
            var bytes = await File.ReadAllBytesAsync(pdf);
            Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        }
        else
        {
            Assert.Contains("Chromium", board.GetProperty("pdf_note").GetString()!, StringComparison.Ordinal);
        }
    }

    private static async Task<List<string>> ColumnAsync(Microsoft.Data.Sqlite.SqliteConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            list.Add(r.GetString(0));
        }

        return list;
    }

    [Fact]
    public async Task Demo_DateOutsideHistory_FailsClearly()
    {
        var (code, _, err) = await InProcessCli.RunAsync("demo", "--db", Db, "--to", "2031-01-01");
        Assert.Equal(2, code);
        Assert.Contains("outside the shipped history", err, StringComparison.Ordinal);
    }
}
