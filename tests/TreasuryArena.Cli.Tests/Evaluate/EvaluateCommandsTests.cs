using System.Text.Json;
using TreasuryArena.Cli.Tests.Support;

namespace TreasuryArena.Cli.Tests.Evaluate;

[Collection(ConsoleCollection.Name)]
public sealed class EvaluateCommandsTests : IDisposable
{
    private static readonly string[] ContenderFields = ["cagr", "volatility", "sharpe", "sortino", "max_drawdown", "calmar", "turnover", "fees_paid"];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arena-evaluate-" + Guid.NewGuid().ToString("N"));

    public EvaluateCommandsTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Evaluate_Json_HasTheContractAndWritesReports()
    {
        var html = Path.Combine(_dir, "evaluation.html");
        var md = Path.Combine(_dir, "evaluation.md");
        var (code, output, err) = await InProcessCli.RunAsync("evaluate", "--from", "2023-01-01", "--to", "2023-04-30", "--rebalance", "monthly", "--capital", "50000",
            "--json", "--report", html, "--markdown", md, "--db", Path.Combine(_dir, "platform", "arena.db"));

        Assert.True(code == 0, err);
        Assert.Contains("evaluate: Replaying days", err, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("2023-01-01", root.GetProperty("window").GetProperty("from").GetString());
        Assert.Equal("2023-04-30", root.GetProperty("window").GetProperty("to").GetString());
        Assert.True(root.GetProperty("run_at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(-1));
        Assert.Contains(root.GetProperty("method").EnumerateArray(), m => m.GetString()!.Contains("wallet drawdown breaker", StringComparison.Ordinal));
        Assert.True(DateOnly.Parse(root.GetProperty("data_through").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= new DateOnly(2023, 4, 30));

        var tokens = root.GetProperty("tokens").EnumerateArray().ToList();
        Assert.Equal(12, tokens.Count);
        foreach (var t in tokens)
        {
            Assert.True(t.TryGetProperty("beat_hodl", out _));
            // Issue 22: each token's breaker pauses and automatic resumes (dates), and its limit in words (Core's BreakerLimit).
            Assert.Equal(JsonValueKind.Array, t.GetProperty("breaker_trips").ValueKind);
            Assert.Equal(JsonValueKind.Array, t.GetProperty("breaker_resumes").ValueKind);
            Assert.True(t.GetProperty("breaker_resumes").GetArrayLength() <= t.GetProperty("breaker_trips").GetArrayLength());
            Assert.StartsWith("breaker ", t.GetProperty("breaker").GetString(), StringComparison.Ordinal);
            if (t.GetProperty("token").ValueKind == JsonValueKind.Object)
            {
                AssertContender(t.GetProperty("token"));
            }
        }

        // Issue 18: how much tolerance shaped the targets, and how expected returns were estimated.
        var targets = root.GetProperty("tolerance_targets");
        Assert.True(targets.GetProperty("runs").GetInt32() > 0);
        Assert.True(targets.GetProperty("runs_invested").GetInt32() <= targets.GetProperty("runs").GetInt32());
        Assert.Contains("cross-sectional mean", targets.GetProperty("last_method").GetString()!, StringComparison.Ordinal);
        Assert.Equal(3, targets.GetProperty("mean_expected_volatility").EnumerateObject().Count());

        var wallets = root.GetProperty("wallets").EnumerateArray().ToList();
        Assert.Equal(["CONSERVATIVE", "MODERATE", "AGGRESSIVE"], wallets.Select(w => w.GetProperty("tolerance").GetString()));
        foreach (var w in wallets)
        {
            foreach (var c in new[] { "optimizer", "equal_weight", "static_60_40" })
            {
                AssertContender(w.GetProperty(c));
                Assert.Equal(50_000m, w.GetProperty(c).GetProperty("final_value").GetDecimal() / (1m + w.GetProperty(c).GetProperty("total_return").GetDecimal()), 0);
            }

            // The wallet breaker ran on the optimizer wallet: its trips are part of the contract, as a list.
            Assert.Equal(JsonValueKind.Array, w.GetProperty("breaker_trips").ValueKind);
            var excess = w.GetProperty("excess_vs_equal_weight");
            foreach (var f in new[] { "value", "ci_low", "ci_high" })
            {
                Assert.True(excess.TryGetProperty(f, out _), f);
            }
        }

        var treasury = root.GetProperty("treasury");
        foreach (var c in new[] { "managed", "static_60_40", "btc_hold" })
        {
            AssertContender(treasury.GetProperty(c));
        }

        var metrics = root.GetProperty("success_metrics").EnumerateArray().ToList();
        Assert.Contains(metrics, m => m.GetProperty("name").GetString() == "tokens_beating_hodl");
        foreach (var m in metrics)
        {
            Assert.Equal(JsonValueKind.Number, m.GetProperty("target").ValueKind);
            var value = m.GetProperty("value");
            Assert.True(value.ValueKind is JsonValueKind.Number or JsonValueKind.Null);
            Assert.True(value.ValueKind == JsonValueKind.Number || !m.GetProperty("met").GetBoolean(), "an undefined value is never met");
        }

        var page = File.ReadAllText(html);
        Assert.StartsWith("<!doctype html>", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", page.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
        Assert.Contains("tokens_beating_hodl", File.ReadAllText(md), StringComparison.Ordinal);

        // The latest report is kept beside the platform's database, for the server's admin page.
        var latest = Path.Combine(_dir, "platform", "evaluation");
        Assert.Equal(page, File.ReadAllText(Path.Combine(latest, "latest.html")));
        using var kept = JsonDocument.Parse(File.ReadAllText(Path.Combine(latest, "latest.json")));
        Assert.Equal("2023-04-30", kept.RootElement.GetProperty("window").GetProperty("to").GetString());
        Assert.Equal(metrics.Count, kept.RootElement.GetProperty("success_metrics").GetArrayLength());
        Assert.Empty(Directory.GetFiles(latest, "*.tmp"));
    }

    [Fact]
    public async Task Evaluate_BadRebalance_Refused()
    {
        var (code, _, err) = await InProcessCli.RunAsync("evaluate", "--rebalance", "daily", "--json");
        Assert.NotEqual(0, code);
        Assert.Contains("--rebalance daily", err, StringComparison.Ordinal);
    }

    private static void AssertContender(JsonElement c)
    {
        foreach (var f in ContenderFields)
        {
            Assert.True(c.TryGetProperty(f, out var v), f);
            Assert.True(v.ValueKind is JsonValueKind.Number or JsonValueKind.Null, $"{f} is {v.ValueKind}");
        }

        Assert.False(c.TryGetProperty("series", out _));
    }
}
