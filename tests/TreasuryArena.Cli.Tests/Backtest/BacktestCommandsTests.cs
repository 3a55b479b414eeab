using System.Globalization;
using System.Text.Json;
using TreasuryArena.Cli.Tests.Support;

namespace TreasuryArena.Cli.Tests.Backtest;

[Collection(ConsoleCollection.Name)]
public sealed class BacktestCommandsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arena-backtest-" + Guid.NewGuid().ToString("N"));

    public BacktestCommandsTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Backtest_Json_HasContractFieldsAndMatchesEquityCsv()
    {
        var csv = Path.Combine(_dir, "eq.csv");
        var html = Path.Combine(_dir, "r.html");
        var (code, output, err) = await InProcessCli.RunAsync("backtest", "--strategy", "treasury-60-40", "--from", "2019-01-01", "--to", "2023-12-31", "--capital", "250000", "--fee-bps", "20", "--json", "--equity-csv", csv, "--report", html);

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        foreach (var field in new[] { "final_equity", "total_return", "cagr", "volatility", "sharpe", "max_drawdown", "trades", "fees_paid" })
        {
            Assert.True(root.TryGetProperty(field, out _), field);
        }

        var lines = File.ReadAllLines(csv);
        Assert.Equal("date,equity,YIELD,BTC,ETH", lines[0]);
        Assert.Equal(root.GetProperty("bars").GetInt32() + 1, lines.Length);
        Assert.StartsWith("2019-01-01,250000", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2023-12-31,", lines[^1], StringComparison.Ordinal);
        var last = double.Parse(lines[^1].Split(',')[1], CultureInfo.InvariantCulture);
        Assert.Equal(root.GetProperty("final_equity").GetDouble(), last, 1e-3);
        Assert.Equal(root.GetProperty("final_equity").GetDouble() / 250_000 - 1, root.GetProperty("total_return").GetDouble(), 1e-9);
        Assert.True(root.GetProperty("fees_paid").GetDouble() > 0);
        Assert.Equal(20, root.GetProperty("fee_bps").GetDouble());

        var page = File.ReadAllText(html);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Contains("Monthly returns", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strategies_Json_ListsLibraryWithParameters()
    {
        var (code, output, err) = await InProcessCli.RunAsync("strategies", "--json");

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var list = doc.RootElement.EnumerateArray().ToList();
        Assert.True(list.Count >= 10);
        Assert.All(list, s => Assert.False(string.IsNullOrEmpty(s.GetProperty("description").GetString())));
        var bh = list.Single(s => s.GetProperty("name").GetString() == "buy-and-hold");
        Assert.Equal("asset", bh.GetProperty("parameters")[0].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(new[] { "backtest", "--strategy", "moon-shot" }, "unknown strategy `moon-shot`")]
    [InlineData(new[] { "backtest", "--strategy", "ma-trend", "--from", "2001-01-01" }, "--from 2001-01-01 is outside the data")]
    [InlineData(new[] { "backtest", "--strategy", "ma-trend", "--from", "2012-01-01" }, "--from 2012-01-01 is before BTC's inception, its first liquid trading day 2013-12-27 (first of 90 consecutive days")]
    [InlineData(new[] { "sweep", "--strategy", "dual-momentum", "--grid", "lookback=30:60:30", "--from", "2015-10-01" }, "--from 2015-10-01 is before ETH's inception, its first liquid trading day 2016-01-14")]
    [InlineData(new[] { "backtest", "--strategy", "ma-trend", "--set", "window=5" }, "`window` = 5 is outside its range 10..400")]
    [InlineData(new[] { "backtest", "--strategy", "ma-trend", "--set", "window" }, "expected key=value")]
    [InlineData(new[] { "backtest" }, "give exactly one of --strategy NAME or --spec FILE")]
    [InlineData(new[] { "sweep", "--strategy", "ma-trend", "--grid", "speed=1:2:1" }, "unknown parameter `speed`")]
    public async Task Backtest_BadInput_ClearErrorNonZeroExit(string[] args, string expected)
    {
        var (code, _, err) = await InProcessCli.RunAsync(args);

        Assert.NotEqual(0, code);
        Assert.Contains(expected, err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_DefaultWindow_StartsAtBtcInceptionAndReportsTheYieldLaunch()
    {
        var (code, output, err) = await InProcessCli.RunAsync("backtest", "--strategy", "ma-crossover", "--json");

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("2013-12-27", root.GetProperty("from").GetString());
        Assert.Equal("BTC", root.GetProperty("inception_asset").GetString());
        Assert.Equal("2013-12-27", root.GetProperty("inception_date").GetString());
        Assert.Equal("2020-01-08", root.GetProperty("yield_live_from").GetString());
        Assert.Contains("T-bill before launch", root.GetProperty("yield_model").GetString(), StringComparison.Ordinal);
        // From 2010 it reported $278 billion.
        Assert.InRange(root.GetProperty("final_equity").GetDouble(), 1e6, 1e8);
    }

    [Fact]
    public async Task Inceptions_Json_AssetsVenuesAndEveryStrategyStartingAfterItsInception()
    {
        var (code, output, err) = await InProcessCli.RunAsync("inceptions", "--json");

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        var assets = root.GetProperty("assets").EnumerateArray().ToDictionary(a => a.GetProperty("asset").GetString()!, a => a.GetProperty("inception").GetString());
        Assert.Equal("2013-12-27", assets["BTC"]);
        Assert.Equal("2016-01-14", assets["ETH"]);
        Assert.Equal(["aave", "curve", "pendle"], root.GetProperty("venues").EnumerateArray().Select(v => v.GetProperty("venue").GetString()));
        var strategies = root.GetProperty("strategies").EnumerateArray().ToList();
        Assert.Equal(11, strategies.Count);
        Assert.All(strategies, s => Assert.True(
            string.CompareOrdinal(s.GetProperty("default_from").GetString(), s.GetProperty("binding_inception").GetString()) >= 0, s.GetProperty("strategy").GetString()));
        Assert.Equal("2016-01-14", strategies.Single(s => s.GetProperty("strategy").GetString() == "dual-momentum").GetProperty("default_from").GetString());
    }

    [Fact]
    public async Task TokensIssue_FromBeforeBtcInception_RefusedWithTheReason()
    {
        var db = Path.Combine(_dir, "issue.db");
        var (code, _, err) = await InProcessCli.RunAsync("tokens", "issue", "--db", db, "--strategy", "ma-trend", "--symbol", "EARLY", "--from", "2012-05-01");

        Assert.NotEqual(0, code);
        Assert.Contains("inception 2012-05-01 is before BTC's inception, its first liquid trading day 2013-12-27", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_SpecWithBadWeights_ReportsFileAndLine()
    {
        var spec = Path.Combine(_dir, "bad.yaml");
        File.WriteAllText(spec, "name: bad\nassets: [BTC, YIELD]\nrules:\n  - weights: {BTC: 0.7, YIELD: 0.5}\n");
        var (code, _, err) = await InProcessCli.RunAsync("backtest", "--spec", spec);

        Assert.NotEqual(0, code);
        Assert.Contains("bad.yaml line 4: `weights` sums to 1.2, must be 1", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_WalkForward_TopPointsInAndOutOfSample()
    {
        var (code, output, err) = await InProcessCli.RunAsync("sweep", "--strategy", "ma-trend", "--grid", "window=50:200:50", "--walk-forward", "2", "--top", "3", "--from", "2016-01-01", "--to", "2024-12-31", "--json");

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(4, root.GetProperty("grid_points").GetInt64());
        var folds = root.GetProperty("folds").EnumerateArray().ToList();
        Assert.Equal(2, folds.Count);
        foreach (var fold in folds)
        {
            var top = fold.GetProperty("top").EnumerateArray().ToList();
            Assert.Equal(3, top.Count);
            var sharpes = top.Select(t => t.GetProperty("in_sample").GetProperty("sharpe").GetDouble()).ToList();
            Assert.Equal(sharpes.OrderByDescending(x => x), sharpes);
            Assert.All(top, t => Assert.Equal(JsonValueKind.Object, t.GetProperty("out_of_sample").ValueKind));
        }
    }

}
