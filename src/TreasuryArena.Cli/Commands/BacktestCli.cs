using System.CommandLine;
using System.Globalization;
using System.Text;
using Spectre.Console;
using TreasuryArena.Core.Backtesting;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Strategies;
using TreasuryArena.Infrastructure.MarketData.History;
using TreasuryArena.Infrastructure.Strategies;

namespace TreasuryArena.Cli;

/// <summary>The <c>backtest</c>, <c>sweep</c> and <c>strategies</c> commands.</summary>
internal static class BacktestCli
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command BacktestCommand()
    {
        var strategy = new Option<string?>("--strategy") { Description = "library strategy name (see `arena strategies`)" };
        var spec = new Option<FileInfo?>("--spec") { Description = "a YAML or JSON strategy spec file" };
        var from = new Option<string?>("--from") { Description = "first date (yyyy-MM-dd); default: first date after warm-up and the assets' inception (`arena inceptions`); an earlier date is refused" };
        var to = new Option<string?>("--to") { Description = "last date (yyyy-MM-dd); default: last date of the data" };
        var capital = new Option<double>("--capital") { Description = "starting capital in USD", DefaultValueFactory = _ => 100_000 };
        var fee = new Option<double?>("--fee-bps") { Description = "fee per trade in bps of notional (default 10, or the spec's)" };
        var slippage = new Option<double?>("--slippage-bps") { Description = "slippage in bps (default 5, or the spec's)" };
        var set = new Option<string[]>("--set") { Description = "parameter override key=value (repeatable)", AllowMultipleArgumentsPerToken = false };
        var data = new Option<string?>("--data") { Description = "market history directory (default: the shipped history)" };
        var yieldOpt = new Option<string>("--yield") { Description = "yield asset accrual: an APY (0.05 or 5%) or `tbill` (historical proxy)", DefaultValueFactory = _ => "0.05" };
        var benchmark = new Option<string>("--benchmark") { Description = "buy-and-hold benchmark asset", DefaultValueFactory = _ => "BTC" };
        var json = new Option<bool>("--json") { Description = "print one JSON object" };
        var csv = new Option<FileInfo?>("--equity-csv") { Description = "write date,equity and one weight column per asset, one row per bar" };
        var report = new Option<FileInfo?>("--report") { Description = "write a self-contained HTML tearsheet" };
        var cmd = new Command("backtest", "Run a strategy over the market history and report its metrics against a benchmark.");
        foreach (var o in new Option[] { strategy, spec, from, to, capital, fee, slippage, set, data, yieldOpt, benchmark, json, csv, report })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction((parse, ct) => Guard(() =>
        {
            var s = ResolveStrategy(parse.GetValue(strategy), parse.GetValue(spec), parse.GetValue(set));
            var options = new BacktestOptions
            {
                Capital = parse.GetValue(capital),
                FeeBps = parse.GetValue(fee) ?? s.FeeBps ?? 10,
                SlippageBps = parse.GetValue(slippage) ?? s.SlippageBps ?? 5,
            };
            Check(options);
            var yieldModel = ParseYield(parse.GetValue(yieldOpt)!);
            var bench = parse.GetValue(benchmark)!.ToUpperInvariant();
            var frame = Frame(parse.GetValue(data), s.Strategy, bench, yieldModel);
            var asJson = parse.GetValue(json);
            var run = WithProgress(!asJson, "backtest " + s.Strategy.Name, p =>
                Backtester.Run(frame, s.Strategy, options, ParseDate(parse.GetValue(from), "--from"), ParseDate(parse.GetValue(to), "--to"), bench, p));
            if (parse.GetValue(csv) is { } csvFile)
            {
                WriteEquityCsv(run, csvFile.FullName);
            }

            if (parse.GetValue(report) is { } reportFile)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(reportFile.FullName)!);
                File.WriteAllText(reportFile.FullName, TearsheetHtml.Render(run, yieldModel.ToString()), Encoding.UTF8);
            }

            if (asJson)
            {
                CliJson.Write(BacktestSummary.Of(run, yieldModel, frame.Binding));
            }
            else
            {
                PrintRun(run, yieldModel, parse.GetValue(csv)?.FullName, parse.GetValue(report)?.FullName);
            }

            return 0;
        }));
        return cmd;
    }

    public static Command StrategiesCommand()
    {
        var json = new Option<bool>("--json") { Description = "print a JSON list" };
        var cmd = new Command("strategies", "List the strategy library with descriptions and parameters.");
        cmd.Options.Add(json);
        cmd.SetAction((parse, ct) => Guard(() =>
        {
            var list = StrategyLibrary.All.Select(d => new StrategyListing(
                d.Name,
                d.Description,
                d.Source,
                d.Parameters.Select(p => new ParameterListing(p.Name, p.Description, p.Kind, p.Default, p.Min, p.Max, p.Choices)).ToList())).ToList();
            if (parse.GetValue(json))
            {
                CliJson.Write(list);
                return 0;
            }

            // A list, not a grid: each strategy's description and parameters wrap to the width under its name.
            foreach (var d in StrategyLibrary.All)
            {
                Console.WriteLine(CliOutput.Bold(d.Name));
                CliOutput.WriteWrapped(Console.Out, d.Description, 2);
                CliOutput.WriteWrapped(Console.Out, "source: " + d.Source, 2, 4);
                foreach (var p in d.Parameters)
                {
                    CliOutput.WriteWrapped(Console.Out, p.Kind == ParameterKind.Choice
                        ? $"{p.Name} = {p.Default} ({string.Join("|", p.Choices!)})"
                        : $"{p.Name} = {p.Default} ({StrategyParameter.Format(p.Min!.Value)}..{StrategyParameter.Format(p.Max!.Value)})", 4, 6);
                }

                Console.WriteLine();
            }

            return 0;
        }));
        return cmd;
    }

    public static Command SweepCommand() => SweepCli.Command();

    internal static Task<int> Guard(Func<int> body)
    {
        try
        {
            return Task.FromResult(body());
        }
        catch (DomainException ex)
        {
            throw new CliException(ex);
        }
        catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException(ex.Message);
        }
    }

    internal static ResolvedStrategy ResolveStrategy(string? name, FileInfo? spec, string[]? sets)
    {
        var overrides = ParseSets(sets);
        if ((name is null) == (spec is null))
        {
            throw new CliException("give exactly one of --strategy NAME or --spec FILE");
        }

        if (spec is not null)
        {
            var loaded = StrategySpecReader.Load(spec.FullName);
            return new ResolvedStrategy(loaded.Create(overrides), loaded.FeeBps, loaded.SlippageBps);
        }

        return new ResolvedStrategy(StrategyLibrary.Create(name!, overrides), null, null);
    }

    internal static Dictionary<string, string> ParseSets(string[]? sets)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in sets ?? [])
        {
            var eq = s.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new CliException($"--set `{s}`: expected key=value");
            }

            result[s[..eq].Trim()] = s[(eq + 1)..].Trim();
        }

        return result;
    }

    internal static DateOnly? ParseDate(string? text, string option) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var d) ? d
        : throw new CliException($"{option} `{text}` is not a yyyy-MM-dd date");

    internal static YieldModel ParseYield(string text)
    {
        try
        {
            return YieldModel.Parse(text);
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    internal static void Check(BacktestOptions options)
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new CliException(ex.Message.Split(Environment.NewLine)[0].Split(" (Parameter")[0]);
        }
    }

    internal static MarketHistory History(string? dataDir) => HistoryLoader.Load(CliHost.HistoryDirectory(dataDir));

    internal static BarData Frame(string? dataDir, IStrategy strategy, string benchmark, YieldModel yieldModel)
    {
        var history = History(dataDir);
        if (benchmark != BarDataBuilder.Yield && history.Asset(benchmark) is null)
        {
            throw new CliException($"unknown benchmark `{benchmark}` (known: BTC, ETH, {BarDataBuilder.Yield})");
        }

        try
        {
            return BarDataBuilder.FromHistory(history, strategy.Assets.Append(benchmark), yieldModel);
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    internal static T WithProgress<T>(bool allowed, string label, Func<IProgress<double>?, T> work)
    {
        if (!allowed || Console.IsOutputRedirected || Console.IsErrorRedirected)
        {
            return work(null);
        }

        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(label), maxValue: 1.0);
                result = work(new Progress(task));
            });
        return result;
    }

    internal static void WriteEquityCsv(BacktestRun run, string path)
    {
        var r = run.Result;
        var columns = run.Strategy.Assets.Select(a => Array.IndexOf(r.Assets, a)).ToArray();
        var sb = new StringBuilder();
        sb.Append("date,equity");
        foreach (var c in columns)
        {
            sb.Append(',').Append(r.Assets[c]);
        }

        sb.Append('\n');
        var n = r.Assets.Length;
        for (var t = 0; t < r.Dates.Length; t++)
        {
            sb.Append(r.Dates[t].ToString("yyyy-MM-dd", Inv)).Append(',').Append(r.Equity[t].ToString("0.######", Inv));
            foreach (var c in columns)
            {
                sb.Append(',').Append(r.Weights is null ? "" : r.Weights[(t * n) + c].ToString("0.########", Inv));
            }

            sb.Append('\n');
        }

        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }

    private static void PrintRun(BacktestRun run, YieldModel yieldModel, string? csv, string? report)
    {
        var m = run.Metrics;
        var b = run.BenchmarkMetrics;
        CliOutput.WriteWrapped(Console.Out, CliOutput.Bold(run.Strategy.Name) + " " + string.Join(" ", run.Strategy.Parameters.Select(p => $"{p.Key}={p.Value}")), 0, 2);
        CliOutput.WriteWrapped(Console.Out, FormattableString.Invariant(
            $"{run.From:yyyy-MM-dd} .. {run.To:yyyy-MM-dd}, {run.Result.Dates.Length} bars, capital {run.Options.Capital:N0}, fee {run.Options.FeeBps} bps, slippage {run.Options.SlippageBps} bps, yield {yieldModel}, rebalance {run.Strategy.Rebalance}"), 0, 2);
        var table = new CliTable().Text("metric").Number("strategy").Number("benchmark " + run.BenchmarkAsset);
        void Row(string name, double? s, double? bm, string fmt) => table.Row(name, s?.ToString(fmt, Inv) ?? "—", bm?.ToString(fmt, Inv) ?? "—");
        Row("final equity", run.Result.FinalEquity, run.Benchmark[^1], "N2");
        Row("total return", m.TotalReturn, b.TotalReturn, "P2");
        Row("CAGR", m.Cagr, b.Cagr, "P2");
        Row("volatility", m.AnnualVolatility, b.AnnualVolatility, "P2");
        Row(FormattableString.Invariant($"Sharpe (rf {m.RiskFree} {m.RiskFreeRate:P2})"), m.Sharpe, b.Sharpe, "0.00");
        Row("Sortino", m.Sortino, b.Sortino, "0.00");
        Row("max drawdown", m.MaxDrawdown.Depth, b.MaxDrawdown.Depth, "P2");
        Row("Calmar", m.Calmar, b.Calmar, "0.00");
        table.Row("trades", run.Result.TradeCount.ToString(Inv), "0");
        table.Row("fees paid", run.Result.FeesPaid.ToString("N2", Inv), "0.00");
        table.Row("slippage cost", run.Result.SlippagePaid.ToString("N2", Inv), "0.00");
        table.Write();
        if (csv is not null)
        {
            CliOutput.WriteWrapped(Console.Out, $"equity curve: {csv}", 0, 2);
        }

        if (report is not null)
        {
            CliOutput.WriteWrapped(Console.Out, $"report: {report}", 0, 2);
        }
    }

    internal sealed record ResolvedStrategy(IStrategy Strategy, double? FeeBps, double? SlippageBps);

    internal sealed record StrategyListing(string Name, string Description, string Source, IReadOnlyList<ParameterListing> Parameters);

    internal sealed record ParameterListing(string Name, string Description, ParameterKind Kind, string Default, double? Min, double? Max, IReadOnlyList<string>? Choices);

    private sealed class Progress(ProgressTask task) : IProgress<double>
    {
        public void Report(double value) => task.Value = value;
    }
}
