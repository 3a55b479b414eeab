using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using TreasuryArena.Cli.Tests.Ledger;
using TreasuryArena.Cli.Tests.Support;

namespace TreasuryArena.Cli.Tests.Output;

/// <summary>
/// Issue 22, CLI output: the real commands on one demo database fit 80 columns when not on a terminal, write no escape
/// codes when redirected or with <c>NO_COLOR</c>, print JSON only with <c>--json</c>; <c>review</c> is idempotent per week
/// and shows "—" for undefined statistics; a mistyped option gets a suggestion; a live read with no fresh source fails.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CliOutputTests(CliOutputDemoFixture demo) : IClassFixture<CliOutputDemoFixture>
{
    private const string Church = CliOutputDemoFixture.Church;

    /// <summary>A Select Graphic Rendition escape (bold, colours, reset).</summary>
    private const string Sgr = @"\u001b\[[0-9;]*m";

    /// <summary>Every report-like command on the demo database, without <c>--json</c>.</summary>
    private string[][] ReportCommands =>
    [
        ["tokens", "--db", demo.Db],
        ["intel"],
        ["journal", "--db", demo.Db, "--org", Church],
        ["treasury", "status", "--db", demo.Db, "--org", Church],
        ["treasury", "plan", "--db", demo.Db, "--org", Church],
        ["review", "--db", demo.Db, "--org", Church],
        ["wallet", "suggest", "--db", demo.Db, "--wallet", demo.Wallets[0]],
        ["wallet", "proposals", "--all", "--db", demo.Db],
        ["wallet", "activity", "--db", demo.Db, "--wallet", demo.Wallets[0]],
        ["holds", "--db", demo.Db],
        ["ledger", "verify", "--db", demo.Db],
    ];

    [Fact]
    public async Task TableCommands_OnTheDemo_FitEightyColumnsWithShortAddresses()
    {
        var outputs = new List<(string Command, string Output)> { ("demo", demo.DemoText) };
        foreach (var args in ReportCommands.Append(["inceptions"]).Append(["strategies"]))
        {
            var (code, output, err) = await InProcessCli.RunAsync(args);
            Assert.True(code == 0, string.Join(' ', args) + ": " + err);
            outputs.Add((string.Join(' ', args), output));
        }

        foreach (var (command, output) in outputs)
        {
            Assert.False(string.IsNullOrWhiteSpace(output), command);
            var wide = output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > CliOutput.DefaultWidth).ToList();
            Assert.True(wide.Count == 0, $"{command}: {wide.Count} lines over 80 columns, e.g. {wide.FirstOrDefault()}");
        }

        // The demo's wallet table shows 0x6e99…a8aa8-style addresses, never a full one.
        Assert.Contains(CliOutput.ShortAddress(demo.Wallets[0]), demo.DemoText, StringComparison.Ordinal);
        Assert.DoesNotContain(demo.Wallets[0], demo.DemoText, StringComparison.Ordinal);
        Assert.Matches(@"0x[0-9a-f]{4}…[0-9a-f]{5}", demo.DemoText);
    }

    [Fact]
    public async Task Tokens_Text_EveryNumberOnOneLine()
    {
        var (_, json, _) = await InProcessCli.RunAsync("tokens", "--db", demo.Db, "--json");
        var (code, text, err) = await InProcessCli.RunAsync("tokens", "--db", demo.Db);

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(json);
        Assert.NotEmpty(doc.RootElement.EnumerateArray());
        foreach (var t in doc.RootElement.EnumerateArray())
        {
            // The NAV and the supply (thousands separators and all) each appear whole on one line.
            var nav = t.GetProperty("nav").GetDecimal().ToString("0.0000", CultureInfo.InvariantCulture);
            var supply = t.GetProperty("supply").GetDecimal().ToString("N2", CultureInfo.InvariantCulture);
            Assert.Contains(text.Split('\n'), l => l.Contains(nav, StringComparison.Ordinal) && l.StartsWith(t.GetProperty("symbol").GetString()!, StringComparison.Ordinal));
            Assert.Contains(text.Split('\n'), l => l.Contains(supply, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ReportCommands_JsonOnlyWithJson()
    {
        foreach (var args in ReportCommands)
        {
            var (textCode, text, textErr) = await InProcessCli.RunAsync(args);
            Assert.True(textCode == 0, string.Join(' ', args) + ": " + textErr);
            Assert.False(ParsesAsJson(text), string.Join(' ', args) + " printed JSON without --json");

            var (jsonCode, json, jsonErr) = await InProcessCli.RunAsync([.. args, "--json"]);
            Assert.True(jsonCode == 0, string.Join(' ', args) + " --json: " + jsonErr);
            Assert.True(ParsesAsJson(json), string.Join(' ', args) + " --json did not print JSON: " + json);
        }
    }

    [Fact]
    public async Task Review_RunTwiceInOneWeek_OneJournalEntryAndDashesForUndefined()
    {
        var (code1, first, err1) = await InProcessCli.RunAsync("review", "--db", demo.Db, "--org", Church, "--as-of", "2026-02-10", "--json");
        var before = await WeeklyReviewsAsync();
        var (code2, second, err2) = await InProcessCli.RunAsync("review", "--db", demo.Db, "--org", Church, "--as-of", "2026-02-12", "--json");
        var (code3, text, err3) = await InProcessCli.RunAsync("review", "--db", demo.Db, "--org", Church, "--as-of", "2026-02-15");
        var after = await WeeklyReviewsAsync();

        Assert.True(code1 == 0 && code2 == 0 && code3 == 0, err1 + err2 + err3);
        Assert.Equal(before, after);
        Assert.Equal(1, after.Count(d => string.CompareOrdinal(d, "2026-02-09") >= 0 && string.CompareOrdinal(d, "2026-02-15") <= 0)); // ISO week 7
        using var a = JsonDocument.Parse(first);
        using var b = JsonDocument.Parse(second);
        Assert.Equal(a.RootElement.GetProperty("journal_id").GetInt64(), b.RootElement.GetProperty("journal_id").GetInt64());
        Assert.True(b.RootElement.GetProperty("repeated").GetBoolean());
        Assert.Contains("already in the journal", text, StringComparison.Ordinal);

        // A statistic without data reads "—", never a blank.
        Assert.DoesNotContain("mean confidence ,", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"Brier\s*$", text.Split('\n').First(l => l.Contains("Brier", StringComparison.Ordinal)).TrimEnd('\r'));
        var card = b.RootElement.GetProperty("advisors").EnumerateArray().First();
        if (card.GetProperty("brier_score").ValueKind == JsonValueKind.Null)
        {
            Assert.Contains("Brier —", text, StringComparison.Ordinal);
        }

        // A review in another ISO week is a new entry.
        var (code4, _, err4) = await InProcessCli.RunAsync("review", "--db", demo.Db, "--org", Church, "--as-of", "2026-02-03", "--json");
        Assert.True(code4 == 0, err4);
        Assert.Equal(after.Count + 1, (await WeeklyReviewsAsync()).Count);
    }

    [Fact]
    public async Task Serve_PortOption_SuggestsUrls()
    {
        var (code, _, err) = await InProcessCli.RunAsync("serve", "--port", "8800");

        Assert.NotEqual(0, code);
        Assert.Contains("--urls http://127.0.0.1:8800", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MistypedOption_SuggestsTheClosest()
    {
        var (code, _, err) = await InProcessCli.RunAsync("tokens", "--db", demo.Db, "--jsno");
        var (unknownCode, _, unknownErr) = await InProcessCli.RunAsync("tokens", "--db", demo.Db, "--frobnicate");

        Assert.NotEqual(0, code);
        Assert.Contains("did you mean `--json`", err, StringComparison.Ordinal);
        Assert.NotEqual(0, unknownCode);
        Assert.DoesNotContain("hint:", unknownErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntelLive_NoFreshSource_ExitsNonZeroWithPhaseUnknown()
    {
        using var api = new FailingApi();
        CliHost.FlowSettings.Value = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["MarketData:CoinGecko:BaseUrl"] = api.BaseUrl,
            ["MarketData:AlternativeMe:BaseUrl"] = api.BaseUrl,
            ["MarketData:Binance:BaseUrl"] = api.BaseUrl,
            ["MarketData:Glassnode:BaseUrl"] = api.BaseUrl,
            ["MarketData:Glassnode:ApiKey"] = "k",
            ["MarketData:Fred:BaseUrl"] = api.BaseUrl,
            ["Http:Resilience:MaxRetries"] = "0",
        };
        try
        {
            var (code, text, err) = await InProcessCli.RunAsync("intel", "--live");
            var (jsonCode, json, _) = await InProcessCli.RunAsync("intel", "--live", "--json");

            Assert.True(api.Requests > 0);
            Assert.Equal(1, code);
            Assert.Contains("no fresh live source", err, StringComparison.Ordinal);
            Assert.Contains("phase: UNKNOWN", text, StringComparison.Ordinal);
            Assert.DoesNotMatch("phase: (ACCUMULATION|EARLY_BULL|EUPHORIA|TOP|BEAR)", text);
            Assert.Equal(1, jsonCode);
            using var doc = JsonDocument.Parse(json);
            Assert.Equal("UNKNOWN", doc.RootElement.GetProperty("phase").GetString());
            Assert.Contains("no fresh live source", doc.RootElement.GetProperty("phase_unknown_reason").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            CliHost.FlowSettings.Value = null;
        }
    }

    [Fact]
    public async Task Redirected_NoEscapeCodes()
    {
        var (code, output, err) = await ArenaProcess.RunAsync("tokens", "--db", demo.Db);

        Assert.True(code == 0, err);
        Assert.Contains("symbol", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output);
    }

    [Fact]
    public async Task Terminal_NoColorRemovesEscapes_ColumnsHonoured()
    {
        // A pseudo-terminal (util-linux `script`): bold headers there, none with NO_COLOR; COLUMNS sets the width.
        var onTerminal = await OnTerminalAsync(new() { ["COLUMNS"] = "120" }, "tokens", "--db", demo.Db);
        var noColor = await OnTerminalAsync(new() { ["COLUMNS"] = "120", ["NO_COLOR"] = "1" }, "tokens", "--db", demo.Db);

        // Styles (SGR sequences such as bold) only; the runtime's own terminal set-up sequence is not ours to drop.
        Assert.Matches(Sgr, onTerminal);
        Assert.DoesNotMatch(Sgr, noColor);
        // The runtime's keypad set-up (ESC [?1h ESC =) on a terminal is not text: measured without it.
        var widths = System.Text.RegularExpressions.Regex.Replace(noColor, @"\u001b\[\?[0-9;]*[a-zA-Z]|\u001b[=>]", "")
            .Split('\n').Select(l => l.TrimEnd('\r').Length).ToList();
        Assert.True(widths.Max() is > 80 and <= 120, $"widest line {widths.Max()}");
    }

    [Fact]
    public void Table_TooWide_StacksLowPriorityColumnsAndNeverSplitsNumbers()
    {
        var table = new CliTable("t").Address("address").Text("mode").Number("value").Number("a very long secondary figure", priority: 1).Text("reason", priority: 2);
        table.Row("0x6e99a1b2c3d4e5f60718293a4b5c6d7e8f9a8aa8", "FULL_AI", "19,718.29", "1,234,567.89", string.Join(' ', Enumerable.Repeat("words", 30)));

        var lines = table.Render(40);

        Assert.All(lines, l => Assert.True(l.Length <= 40, l));
        Assert.StartsWith("0x6e99…a8aa8", lines[3], StringComparison.Ordinal);
        Assert.Contains("19,718.29", lines[3], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("1,234,567.89", StringComparison.Ordinal));
        Assert.DoesNotContain("\u001b", string.Concat(lines), StringComparison.Ordinal);
    }

    private async Task<List<string>> WeeklyReviewsAsync()
    {
        var (code, json, err) = await InProcessCli.RunAsync("journal", "--db", demo.Db, "--org", Church, "--limit", "1000", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "weekly_review")
            .Select(e => e.GetProperty("as_of").GetString()!)];
    }

    private static bool ParsesAsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task<string> OnTerminalAsync(Dictionary<string, string> environment, params string[] args)
    {
        // Standard error (notes such as the advisor's) goes elsewhere: only standard output is the terminal measured.
        var command = "dotnet " + string.Join(' ', new[] { ArenaProcess.AssemblyPath }.Concat(args).Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'")) + " 2>/dev/null";
        var info = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-qec", command, "/dev/null" })
        {
            info.ArgumentList.Add(a);
        }

        info.Environment.Remove("NO_COLOR");
        info.Environment["TERM"] = "xterm";
        foreach (var (k, v) in environment)
        {
            info.Environment[k] = v;
        }

        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await p.WaitForExitAsync(cts.Token);
        Assert.True(p.ExitCode == 0, await output + await error);
        return await output;
    }

    /// <summary>A local HTTP listener standing in for every market-data source: it answers 500 and empty 200s alternately.</summary>
    private sealed class FailingApi : IDisposable
    {
        private readonly HttpListener _listener = new();
        private int _requests;

        public FailingApi()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            BaseUrl = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(BaseUrl);
            _listener.Start();
            _ = Task.Run(LoopAsync);
        }

        public string BaseUrl { get; }

        public int Requests => Volatile.Read(ref _requests);

        public void Dispose() => _listener.Close();

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext ctx;
                try
                {
                    ctx = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                var n = Interlocked.Increment(ref _requests);
                ctx.Response.StatusCode = n % 2 == 0 ? 200 : 500;
                ctx.Response.ContentType = "application/json";
                if (n % 2 == 0)
                {
                    await ctx.Response.OutputStream.WriteAsync("{}"u8.ToArray());
                }

                ctx.Response.Close();
            }
        }
    }
}
