using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TreasuryArena.Core.Backtesting;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Strategies;
using TreasuryArena.Infrastructure.MarketData.History;
using TreasuryArena.Infrastructure.Strategies;

namespace TreasuryArena.Infrastructure.Tests.Strategies;

/// <summary>
/// Golden masters, as LEAN pins its regression algorithms' statistics: every library strategy with its default
/// parameters and default costs over one fixed window of the shipped history; its headline statistics are pinned in
/// <c>golden-masters.json</c> beside this file. Any change to the engine, the metrics, a strategy or the data handling
/// that moves one of them fails here, and the change's author regenerates the file on purpose
/// (<c>ARENA_GOLDEN_UPDATE=1 dotnet test --filter GoldenMaster</c>, which rewrites it and fails so it is never silent)
/// and explains the move in the commit. Undefined statistics are pinned as null.
/// </summary>
public sealed class GoldenMasterTests
{
    /// <summary>The fixed window: every asset and series of the library has real prices over it.</summary>
    public static readonly DateOnly From = new(2019, 1, 1);

    public static readonly DateOnly To = new(2025, 12, 31);

    private const double RelativeTolerance = 1e-9;

    private static readonly MarketHistory History = HistoryLoader.Load(HistoryLocator.Find());

    private static string GoldenPath([System.Runtime.CompilerServices.CallerFilePath] string self = "") =>
        Path.Combine(Path.GetDirectoryName(self)!, "golden-masters.json");

    /// <summary>The pinned statistics of one run, by name; null where a statistic is undefined.</summary>
    public static SortedDictionary<string, double?> Headline(BacktestRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var m = run.Metrics;
        return new SortedDictionary<string, double?>(StringComparer.Ordinal)
        {
            ["bars"] = run.Result.Dates.Length,
            ["trades"] = run.Result.TradeCount,
            ["final_equity"] = run.Result.FinalEquity,
            ["fees_paid"] = run.Result.FeesPaid,
            ["slippage_paid"] = run.Result.SlippagePaid,
            ["total_return"] = Defined(m.TotalReturn),
            ["cagr"] = Defined(m.Cagr),
            ["volatility"] = Defined(m.AnnualVolatility),
            ["sharpe"] = Defined(m.Sharpe),
            ["sortino"] = Defined(m.Sortino),
            ["max_drawdown"] = Defined(m.MaxDrawdown.Depth),
            ["calmar"] = Defined(m.Calmar),
        };
    }

    private static double? Defined(double? v) => v is { } x && double.IsFinite(x) ? x : null;

    private static Dictionary<string, SortedDictionary<string, double?>> RunAll()
    {
        var all = new Dictionary<string, SortedDictionary<string, double?>>(StringComparer.Ordinal);
        foreach (var d in StrategyLibrary.All)
        {
            var strategy = StrategyLibrary.Create(d.Name);
            var frame = BarDataBuilder.FromHistory(History, strategy.Assets.Append("BTC"));
            var run = Backtester.Run(frame, strategy, new BacktestOptions(), From, To);
            all[d.Name] = Headline(run);
        }

        return all;
    }

    [Fact]
    public void GoldenMaster_EveryLibraryStrategy_HeadlineStatisticsUnchanged()
    {
        var actual = RunAll();
        var path = GoldenPath();
        if (Environment.GetEnvironmentVariable("ARENA_GOLDEN_UPDATE") == "1")
        {
            var root = new JsonObject
            {
                ["window"] = new JsonObject { ["from"] = From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["to"] = To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                ["strategies"] = JsonSerializer.SerializeToNode(actual.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value)),
            };
            File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            Assert.Fail($"golden masters rewritten at {path}; unset ARENA_GOLDEN_UPDATE and explain the change in the commit");
        }

        Assert.True(File.Exists(path), $"no golden masters at {path}");
        var pinned = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal(From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), pinned["window"]!["from"]!.GetValue<string>());
        Assert.Equal(To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), pinned["window"]!["to"]!.GetValue<string>());
        var strategies = pinned["strategies"]!.AsObject();
        Assert.Equal(actual.Keys.Order(StringComparer.Ordinal), strategies.Select(p => p.Key).Order(StringComparer.Ordinal));
        var moved = new List<string>();
        foreach (var (name, stats) in actual)
        {
            var expected = strategies[name]!.AsObject();
            Assert.Equal(stats.Keys, expected.Select(p => p.Key).Order(StringComparer.Ordinal));
            foreach (var (stat, value) in stats)
            {
                var want = expected[stat]?.GetValue<double>();
                var same = (want, value) switch
                {
                    (null, null) => true,
                    ({ } w, { } v) => Math.Abs(w - v) <= RelativeTolerance * Math.Max(1, Math.Abs(w)),
                    _ => false,
                };
                if (!same)
                {
                    moved.Add(string.Create(CultureInfo.InvariantCulture, $"{name}.{stat}: pinned {want?.ToString("R", CultureInfo.InvariantCulture) ?? "null"}, now {value?.ToString("R", CultureInfo.InvariantCulture) ?? "null"}"));
                }
            }
        }

        Assert.True(moved.Count == 0, "golden masters moved:\n" + string.Join('\n', moved));
    }

    [Fact]
    public void GoldenMaster_Window_HasRealPricesForEveryLibraryAsset()
    {
        foreach (var d in StrategyLibrary.All)
        {
            var strategy = StrategyLibrary.Create(d.Name);
            var frame = BarDataBuilder.FromHistory(History, strategy.Assets.Append("BTC"));
            var run = Backtester.Run(frame, strategy, new BacktestOptions(), From, To);
            Assert.True(run.From <= From.AddDays(7), $"{d.Name} starts {run.From}, after the window's start");
            Assert.True(run.To >= To.AddDays(-7), $"{d.Name} ends {run.To}, before the window's end");
        }
    }
}
