using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TreasuryArena.Core.Backtesting;
using TreasuryArena.Core.Strategies;
using TreasuryArena.Infrastructure.Strategies;

namespace TreasuryArena.Cli;

/// <summary>The <c>arena sweep</c> command: a parameter grid in parallel, top results in and out of sample.</summary>
internal static class SweepCli
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Command()
    {
        var strategy = new Option<string?>("--strategy") { Description = "library strategy name" };
        var spec = new Option<FileInfo?>("--spec") { Description = "a YAML or JSON strategy spec file (instead of --strategy)" };
        var grid = new Option<string[]>("--grid") { Description = "key=from:to:step (repeatable)", Required = true };
        var walk = new Option<int>("--walk-forward") { Description = "anchored walk-forward folds (default: one 70/30 split)" };
        var top = new Option<int>("--top") { Description = "points kept and shown per fold", DefaultValueFactory = _ => 10 };
        var from = new Option<string?>("--from") { Description = "first date (yyyy-MM-dd); default: after warm-up and the assets' inception; an earlier date is refused" };
        var to = new Option<string?>("--to") { Description = "last date (yyyy-MM-dd)" };
        var capital = new Option<double>("--capital") { Description = "starting capital", DefaultValueFactory = _ => 100_000 };
        var fee = new Option<double?>("--fee-bps") { Description = "fee in bps (default 10)" };
        var slippage = new Option<double?>("--slippage-bps") { Description = "slippage in bps (default 5)" };
        var set = new Option<string[]>("--set") { Description = "fixed parameter key=value (repeatable)" };
        var data = new Option<string?>("--data") { Description = "market history directory" };
        var yieldOpt = new Option<string>("--yield") { Description = "yield APY (0.05) or `tbill`", DefaultValueFactory = _ => "0.05" };
        var json = new Option<bool>("--json") { Description = "print the report as JSON" };
        var cmd = new Command("sweep", "Run a parameter grid in parallel and show the top results in and out of sample.");
        foreach (var o in new Option[] { strategy, spec, grid, walk, top, from, to, capital, fee, slippage, set, data, yieldOpt, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction((parse, ct) => BacktestCli.Guard(() =>
        {
            var name = parse.GetValue(strategy);
            var specFile = parse.GetValue(spec);
            if ((name is null) == (specFile is null))
            {
                throw new CliException("give exactly one of --strategy NAME or --spec FILE");
            }

            double? specFee = null, specSlip = null;
            StrategyDefinition definition;
            if (specFile is not null)
            {
                var compiled = StrategySpecReader.Load(specFile.FullName);
                (definition, specFee, specSlip) = (compiled.Definition, compiled.FeeBps, compiled.SlippageBps);
            }
            else
            {
                definition = StrategyLibrary.Get(name!);
            }

            var topN = parse.GetValue(top);
            if (topN is < 1 or > 1000)
            {
                throw new CliException("--top must be between 1 and 1000");
            }

            var axes = (parse.GetValue(grid) ?? []).Select(GridAxis.Parse).ToList();
            var options = new BacktestOptions
            {
                Capital = parse.GetValue(capital),
                FeeBps = parse.GetValue(fee) ?? specFee ?? 10,
                SlippageBps = parse.GetValue(slippage) ?? specSlip ?? 5,
            };
            BacktestCli.Check(options);
            var yieldModel = BacktestCli.ParseYield(parse.GetValue(yieldOpt)!);
            var history = BacktestCli.History(parse.GetValue(data));
            var fixedParams = BacktestCli.ParseSets(parse.GetValue(set));
            var asJson = parse.GetValue(json);
            var report = BacktestCli.WithProgress(!asJson, $"sweep {definition.Name}", p => ParameterSweep.Run(
                definition,
                fixedParams,
                axes,
                s => BarDataBuilder.FromHistory(history, s.Assets.Append("BTC"), yieldModel),
                options,
                BacktestCli.ParseDate(parse.GetValue(from), "--from"),
                BacktestCli.ParseDate(parse.GetValue(to), "--to"),
                parse.GetValue(walk),
                topN,
                p,
                ct));
            if (asJson)
            {
                CliJson.Write(report);
                return 0;
            }

            Print(report, axes);
            return 0;
        }));
        return cmd;
    }

    private static void Print(SweepReport report, List<GridAxis> axes)
    {
        AnsiConsole.MarkupLine(Markup.Escape($"{report.Strategy}: {report.GridPoints:N0} grid points, {report.Runs:N0} runs, {report.Skipped:N0} skipped"));
        if (report.FirstSkipReason is { } why)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"skipped because, e.g.: {why}"));
        }

        foreach (var fold in report.Folds)
        {
            var table = new Table()
                .Title(Markup.Escape(FormattableString.Invariant($"fold {fold.Fold}: in sample {fold.InSampleFrom:yyyy-MM-dd}..{fold.InSampleTo:yyyy-MM-dd}, out of sample {fold.OutOfSampleFrom:yyyy-MM-dd}..{fold.OutOfSampleTo:yyyy-MM-dd}")))
                .AddColumn("#");
            foreach (var a in axes)
            {
                table.AddColumn(a.Key);
            }

            foreach (var c in new[] { "IS Sharpe", "IS CAGR", "IS max DD", "OOS Sharpe", "OOS CAGR", "OOS max DD", "trades" })
            {
                table.AddColumn(new TableColumn(c).RightAligned());
            }

            var rank = 0;
            foreach (var p in fold.Top)
            {
                var row = new List<string> { (++rank).ToString(Inv) };
                row.AddRange(axes.Select(a => p.Parameters.First(kv => kv.Key.Equals(a.Key, StringComparison.OrdinalIgnoreCase)).Value));
                row.Add(p.InSample.Sharpe?.ToString("0.00", Inv) ?? "—");
                row.Add(p.InSample.Cagr.ToString("P1", Inv));
                row.Add(p.InSample.MaxDrawdown.ToString("P1", Inv));
                row.Add(p.OutOfSample is null ? "-" : p.OutOfSample.Sharpe?.ToString("0.00", Inv) ?? "—");
                row.Add(p.OutOfSample?.Cagr.ToString("P1", Inv) ?? "-");
                row.Add(p.OutOfSample?.MaxDrawdown.ToString("P1", Inv) ?? "-");
                row.Add(p.InSample.Trades.ToString(Inv));
                table.AddRow(row.Select(Markup.Escape).ToArray());
            }

            AnsiConsole.Write(table);
        }

        if (report.Folds.Count > 1 && report.OutOfSampleChained.Where(s => s.Sharpe is not null).ToList() is { Count: > 0 } defined)
        {
            var mean = defined.Average(s => s.Sharpe!.Value);
            AnsiConsole.MarkupLine(Markup.Escape(FormattableString.Invariant($"walk-forward: mean out-of-sample Sharpe of each fold's best in-sample point = {mean:0.00}")));
        }
    }
}
