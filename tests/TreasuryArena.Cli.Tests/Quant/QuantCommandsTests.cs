using System.Globalization;
using System.Text.Json;
using TreasuryArena.Cli.Tests.Support;

namespace TreasuryArena.Cli.Tests.Quant;

[Collection(ConsoleCollection.Name)]
public sealed class QuantCommandsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arena-quant-" + Guid.NewGuid().ToString("N"));

    public QuantCommandsTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Oracle(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "shared", "data", "oracles")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? "/work", "shared", "data", "oracles", file);
    }

    private string Write(string content)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Optimize_MaxSharpeCappedJson_ContractShapeAndConstraintsHold()
    {
        var (code, output, err) = await InProcessCli.RunAsync("optimize", "--prices", Oracle("stock_prices.csv"), "--max-weight", "0.2", "--json");

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        var weights = root.GetProperty("weights").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        Assert.Equal(20, weights.Count);
        Assert.Equal(1.0, weights.Values.Sum(), 9);
        Assert.All(weights.Values, w => Assert.InRange(w, -1e-12, 0.2 + 1e-12));
        var ret = root.GetProperty("expected_return").GetDouble();
        var vol = root.GetProperty("volatility").GetDouble();
        Assert.Equal((ret - 0.02) / vol, root.GetProperty("sharpe").GetDouble(), 10);
        Assert.True(root.GetProperty("iterations").GetInt32() > 0);
        Assert.True(root.GetProperty("residual").GetDouble() < 1e-8);
    }

    [Fact]
    public async Task Optimize_Hrp_RaggedStockPrices_AgreesWithPyPortfolioOptReference()
    {
        // PyPortfolioOpt's tests/resources/weights_hrp.csv: HRPOpt(returns).optimize() (single linkage) on the same
        // stock_prices.csv, with returns.corr() and returns.cov() taken pairwise over each pair's common dates.
        var reference = new Dictionary<string, double>
        {
            ["AAPL"] = 0.022258941278778387, ["AMD"] = 0.022294021796692116, ["AMZN"] = 0.016086842079874982,
            ["BABA"] = 0.07963382071794088, ["BAC"] = 0.014409222455552267, ["BBY"] = 0.03406419438245041,
            ["FB"] = 0.06272994714663536, ["GE"] = 0.05519063444162851, ["GM"] = 0.055576660241857236,
            ["GOOG"] = 0.04956008428992926, ["JPM"] = 0.017675709092515715, ["MA"] = 0.038127373497320226,
            ["PFE"] = 0.07786528342813452, ["RRC"] = 0.03161528695094598, ["SBUX"] = 0.039844436656239136,
            ["SHLD"] = 0.027113184241298872, ["T"] = 0.11138956508836473, ["UAA"] = 0.027115909570750083,
            ["WMT"] = 0.10569551148587902, ["XOM"] = 0.11175337115721229,
        };

        var (code, output, err) = await InProcessCli.RunAsync("optimize", "--prices", Oracle("stock_prices.csv"), "--objective", "hrp", "--json");

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var weights = doc.RootElement.GetProperty("weights").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        Assert.Equal(reference.Keys.Order(), weights.Keys.Order());
        Assert.All(reference, r => Assert.Equal(r.Value, weights[r.Key], 1e-6));
    }

    [Theory]
    [InlineData("min-volatility")]
    [InlineData("max-utility")]
    [InlineData("risk-parity")]
    [InlineData("hrp")]
    public async Task Optimize_EachObjective_WeightsSumToOne(string objective)
    {
        var (code, output, err) = await InProcessCli.RunAsync("optimize", "--prices", Oracle("stock_prices.csv"), "--objective", objective, "--cov", "ledoit-wolf", "--json");

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(1.0, doc.RootElement.GetProperty("weights").EnumerateObject().Sum(p => p.Value.GetDouble()), 9);
        Assert.True(doc.RootElement.GetProperty("shrinkage").GetDouble() is >= 0 and <= 1);
    }

    [Fact]
    public async Task Optimize_EfficientRiskWithTarget_HitsTheVolatility()
    {
        var (code, output, err) = await InProcessCli.RunAsync("optimize", "--prices", Oracle("stock_prices.csv"), "--objective", "efficient-risk", "--target-volatility", "0.25", "--align", "complete", "--json");

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(0.25, doc.RootElement.GetProperty("volatility").GetDouble(), 7);
    }

    [Fact]
    public async Task Optimize_EfficientRiskWithoutTarget_UserError()
    {
        var (code, _, err) = await InProcessCli.RunAsync("optimize", "--prices", Oracle("stock_prices.csv"), "--objective", "efficient-risk");

        Assert.Equal(2, code);
        Assert.Contains("--target-volatility", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_CapBelowOneOverN_InfeasibleExplained()
    {
        var path = Write("date,A,B,C\n2024-01-01,1,2,3\n2024-01-02,1.1,2.1,3.3\n2024-01-03,1.2,2.0,3.1\n2024-01-04,1.3,2.2,3.2\n");

        var (code, _, err) = await InProcessCli.RunAsync("optimize", "--prices", path, "--max-weight", "0.2");

        Assert.Equal(2, code);
        Assert.Contains("cannot sum to 1", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_TextOutput_ListsEveryAssetAndSummary()
    {
        var (code, output, _) = await InProcessCli.RunAsync("optimize", "--prices", Oracle("stock_prices.csv"), "--objective", "min-volatility");

        Assert.Equal(0, code);
        Assert.Contains("GOOG", output, StringComparison.Ordinal);
        Assert.Contains("volatility", output, StringComparison.Ordinal);
        Assert.Contains("iterations", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("date,A,B\n2024-01-01,1,2\n2024-01-02,1.1\n", "column 'B' is missing")]
    [InlineData("date,A,B\n2024-01-01,1,2\n2024-01-02,1.1,abc\n", "'abc' is not a number")]
    [InlineData("date,A,B\n2024-01-01,1,2\n", "need at least 2")]
    [InlineData("date,A,B\n2024-01-01,1,2\n2024-01-02,1,2\n2024-01-01,1,2\n", "appears twice")]
    [InlineData("date,A,B\n2024-01-01,1,2\n2024-01-02,-1,2\n", "not positive")]
    public async Task Optimize_BadFile_ClearMessageNonZeroExit(string content, string expected)
    {
        var path = Write(content);

        var (code, output, err) = await InProcessCli.RunAsync("optimize", "--prices", path, "--json");

        Assert.NotEqual(0, code);
        Assert.Contains(expected, err, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task Metrics_MissingColumn_ClearMessage()
    {
        var (code, _, err) = await InProcessCli.RunAsync("metrics", "--prices", Oracle("stock_prices.csv"), "--column", "NOPE");

        Assert.Equal(2, code);
        Assert.Contains("no column 'NOPE'", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_SpyJson_CagrFromEndpoints()
    {
        var (code, output, err) = await InProcessCli.RunAsync("metrics", "--prices", Oracle("spy_prices.csv"), "--json");

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        var lines = File.ReadAllLines(Oracle("spy_prices.csv")).Skip(1).Where(l => l.Length > 0).ToArray();
        var first = double.Parse(lines[0].Split(',')[1], CultureInfo.InvariantCulture);
        var last = double.Parse(lines[^1].Split(',')[1], CultureInfo.InvariantCulture);
        Assert.Equal(Math.Pow(last / first, 252.0 / (lines.Length - 1)) - 1, root.GetProperty("cagr").GetDouble(), 10);
        Assert.Equal(last / first - 1, root.GetProperty("total_return").GetDouble(), 8);
        Assert.True(root.GetProperty("max_drawdown").GetDouble() < -0.5);
        Assert.Equal("2007-10-09", root.GetProperty("max_drawdown_peak").GetString());
        Assert.Equal("2009-03-09", root.GetProperty("max_drawdown_trough").GetString());
    }

    [Fact]
    public async Task Metrics_RaggedColumnWithBenchmark_UsesItsOwnHistory()
    {
        var (code, output, err) = await InProcessCli.RunAsync("metrics", "--prices", Oracle("stock_prices.csv"), "--column", "FB", "--benchmark", "AAPL", "--frequency", "252", "--json");

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("2012-05-18", doc.RootElement.GetProperty("start").GetString());
        Assert.Equal(JsonValueKind.Number, doc.RootElement.GetProperty("beta").ValueKind);
    }
}
