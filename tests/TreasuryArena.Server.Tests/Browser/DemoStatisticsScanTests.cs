using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests.Browser;

/// <summary>
/// Issue 16: no user-visible Sharpe, Sortino, Calmar or information ratio exceeds what the data can support, and no
/// NaN/Infinity is ever shown. Scans the demo's outputs (the shared <see cref="DemoData"/> database, no browser): the CLI's
/// <c>tokens --json</c>, <c>wallet suggest --json</c>, <c>backtest --json</c> of every strategy the demo tokenises and
/// <c>report daily --json</c>; the API's token list and info, wallet suggestions and treasury status.
/// </summary>
public sealed partial class DemoStatisticsScanTests
{
    /// <summary>
    /// The largest |ratio| daily data can support here: an annualised Sharpe of 10 is a 5% excess return at the 0.5% volatility
    /// floor of <c>RatioRules</c>; a strategy on BTC/ETH with volatility above the floor earning more would be a data error.
    /// </summary>
    private const double MaxPlausibleRatio = 10;

    /// <summary>The CLI writes to <see cref="Console"/>; only one in-process run redirects it at a time.</summary>

    [Fact]
    public async Task Bug_16_DemoOutputs_RatiosBoundedAndNeverNaN()
    {
        var demo = await DemoData.CopyAsync();
        var outputs = new List<(string Source, string Text)>();
        try
        {
            // CLI.
            outputs.Add(("arena tokens --json", await CliAsync("tokens", "--db", demo.Database, "--json")));
            var tokens = JsonNode.Parse(outputs[^1].Text)!.AsArray();
            Assert.True(tokens.Count >= 10, "the demo issues at least ten tokens");
            Assert.Contains(tokens, t => t!["risk_free"]!.GetValue<string>() == "tbill-3m");
            foreach (var strategy in tokens.Select(t => t!["strategy"]!.GetValue<string>()).Distinct(StringComparer.Ordinal))
            {
                outputs.Add(($"arena backtest --strategy {strategy} --json", await CliAsync("backtest", "--strategy", strategy, "--from", "2020-01-01", "--to", "2025-03-31", "--json")));
                Assert.Equal("tbill-3m", JsonNode.Parse(outputs[^1].Text)!["risk_free"]!.GetValue<string>());
            }

            outputs.Add(("arena report daily --json", await CliAsync("report", "daily", "--db", demo.Database, "--json")));

            // API.
            await using var server = await DashboardServer.StartAsync(demo);
            using var http = new HttpClient { BaseAddress = server.Address };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", demo.TreasurerKey);
            outputs.Add(("GET /api/tokens/list", await http.GetStringAsync(new Uri("/api/tokens/list", UriKind.Relative))));
            foreach (var t in JsonNode.Parse(outputs[^1].Text)!.AsArray())
            {
                var symbol = t!["symbol"]!.GetValue<string>();
                outputs.Add(($"GET /api/tokens/{symbol}/info", await http.GetStringAsync(new Uri($"/api/tokens/{symbol}/info", UriKind.Relative))));
            }

            outputs.Add(("GET /api/wallets", await http.GetStringAsync(new Uri("/api/wallets", UriKind.Relative))));
            var wallets = Addresses(JsonNode.Parse(outputs[^1].Text)!);
            Assert.True(wallets.Count >= 4, "the demo's church has a wallet in every mode");
            foreach (var address in wallets)
            {
                outputs.Add(($"GET /api/wallet/{address}/suggested", await http.GetStringAsync(new Uri($"/api/wallet/{address}/suggested", UriKind.Relative))));
                outputs.Add(($"arena wallet suggest --wallet {address} --json", await CliAsync("wallet", "suggest", "--db", demo.Database, "--wallet", address, "--json")));
            }

            outputs.Add(("GET /api/treasury/status", await http.GetStringAsync(new Uri("/api/treasury/status", UriKind.Relative))));
        }
        finally
        {
            DemoData.TryDelete(demo.Directory);
        }

        var ratios = 0;
        var undefined = 0;
        foreach (var (source, text) in outputs)
        {
            Assert.False(NotANumber().IsMatch(text), $"{source} shows NaN or Infinity: {NotANumber().Match(text).Value}");
            foreach (var (path, value) in RatioFields(ParseOutput(source, text), "$"))
            {
                if (value is null)
                {
                    undefined++;
                    continue;
                }

                Assert.True(value.GetValueKind() == System.Text.Json.JsonValueKind.Number, $"{source} {path} is {value.ToJsonString()}, not a number or null");
                var x = value.GetValue<double>();
                Assert.True(Math.Abs(x) <= MaxPlausibleRatio, $"{source} {path} = {x.ToString(CultureInfo.InvariantCulture)}");
                ratios++;
            }

            foreach (Match m in SharpeInText().Matches(text))
            {
                var x = double.Parse(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(x) <= MaxPlausibleRatio, $"{source} says \"{m.Value}\"");
            }
        }

        Assert.True(ratios > 50, $"the scan found {ratios} defined ratios");
        Assert.True(undefined > 0, "some ratio of the demo is undefined (a token parked in its yield asset, a short record)");
    }

    private static List<string> Addresses(JsonNode wallets)
    {
        var list = wallets is JsonArray a ? a : wallets["wallets"]!.AsArray();
        return [.. list.Select(w => w!["address"]!.GetValue<string>())];
    }

    /// <summary>Every JSON property named like a ratio (sharpe…, sortino, calmar, information_ratio) with its value.</summary>
    private static IEnumerable<(string Path, JsonNode? Value)> RatioFields(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (key == "undefined_ratios")
                    {
                        continue; // ratio name → why it is undefined (text)
                    }

                    if (RatioName().IsMatch(key) && value is null or JsonValue)
                    {
                        yield return ($"{path}.{key}", value);
                    }
                    else
                    {
                        foreach (var f in RatioFields(value, $"{path}.{key}"))
                        {
                            yield return f;
                        }
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var f in RatioFields(a[i], $"{path}[{i}]"))
                    {
                        yield return f;
                    }
                }

                break;
        }
    }

    private static JsonNode? ParseOutput(string source, string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new InvalidOperationException($"{source} did not print JSON ({ex.Message}): {text[..Math.Min(text.Length, 300)]}", ex);
        }
    }

    internal static async Task<string> CliAsync(params string[] args)
    {
        var (code, stdout, stderr) = await InProcessArena.RunAsync(args);
        Assert.True(code == 0, $"arena {string.Join(' ', args)} exited {code}: {stderr}");
        return stdout;
    }

    [GeneratedRegex(@"^(sharpe.*|.*_sharpe|sortino|calmar|information_ratio)$", RegexOptions.IgnoreCase)]
    private static partial Regex RatioName();

    [GeneratedRegex(@"\bNaN\b|-?\bInfinity\b|∞")]
    private static partial Regex NotANumber();

    [GeneratedRegex(@"Sharpe (-?[\d,]+\.\d+)")]
    private static partial Regex SharpeInText();
}
