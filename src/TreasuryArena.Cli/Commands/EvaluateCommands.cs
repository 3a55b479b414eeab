using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using TreasuryArena.Cli.Commands.Intel;
using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Evaluation;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.Ports;
using TreasuryArena.Core.Treasury;
using TreasuryArena.Infrastructure.MarketData.History;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Infrastructure.Evaluation;

namespace TreasuryArena.Cli;

/// <summary>
/// <c>arena evaluate</c>: the platform's walk-forward scorecard against simple baselines. A thin adapter: it parses the
/// options, wires the production runtime over a scratch database (<see cref="ScratchEvaluationPlatform"/>), runs
/// <see cref="WalkForwardEvaluator"/> with progress on stderr, and writes the JSON, HTML and Markdown renderings.
/// </summary>
internal static partial class CliCommands
{
    static partial void AddEvaluate(RootCommand root)
    {
        var from = new Option<string>("--from") { Description = "First evaluated date, yyyy-MM-dd", DefaultValueFactory = _ => "2019-01-01" };
        var to = new Option<string?>("--to") { Description = "Last evaluated date, yyyy-MM-dd (default: the last date with both BTC and ETH prices)" };
        var data = new Option<string?>("--data") { Description = "Market history directory (default: the shipped data)" };
        var capital = new Option<decimal>("--capital") { Description = "USD each wallet contender starts with", DefaultValueFactory = _ => 100_000m };
        var rebalance = new Option<string>("--rebalance") { Description = "Rebalance calendar shared by every contender: weekly or monthly", DefaultValueFactory = _ => "weekly" };
        var json = new Option<bool>("--json") { Description = "Print the scorecard as JSON (snake_case)" };
        var report = new Option<string?>("--report") { Description = "Write a self-contained HTML report to this file" };
        var markdown = new Option<string?>("--markdown") { Description = "Write a Markdown summary to this file" };
        var db = CliDatabase.Option();
        db.Description = "The platform the run belongs to: its latest report is kept beside this database (SQLite) or in the data directory (PostgreSQL), as evaluation/latest.html and latest.json, where the server shows it to admins (default ./data/arena.db)";
        var cmd = new Command("evaluate", "Walk-forward scorecard: tokens vs HODL, optimizer wallets vs 1/N and static 60/40, the treasury vs static 60/40 and BTC, against the seed's targets");
        foreach (var o in new Option[] { from, to, data, capital, rebalance, json, report, markdown, db })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            var history = BacktestCli.History(parse.GetValue(data));
            var schedule = parse.GetValue(rebalance)?.ToLowerInvariant() switch
            {
                "weekly" => RebalanceSchedule.Weekly,
                "monthly" => RebalanceSchedule.Monthly,
                var other => throw new CliException($"--rebalance {other}: expected weekly or monthly"),
            };
            var options = new EvaluationOptions
            {
                From = EvaluateDate("--from", parse.GetValue(from)!),
                To = parse.GetValue(to) is { } t ? EvaluateDate("--to", t) : history.LastCommonDate,
                Capital = parse.GetValue(capital),
                Schedule = schedule,
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                throw new CliException(ex.Message);
            }

            if (options.To > history.LastCommonDate || options.From.AddDays(-options.WarmupDays - 400) < history.Eth.Dates[0])
            {
                throw new CliException($"the window {options.From:yyyy-MM-dd} … {options.To:yyyy-MM-dd} needs history from {options.From.AddDays(-options.WarmupDays - 400):yyyy-MM-dd} (strategy warm-up and token proving) to {options.To:yyyy-MM-dd}; BTC and ETH prices cover {history.Eth.Dates[0]:yyyy-MM-dd} … {history.LastCommonDate:yyyy-MM-dd}");
            }

            // The tokens are issued WarmupDays before the window and trade BTC and ETH: not before either asset's inception.
            var warm = options.From.AddDays(-options.WarmupDays);
            if (history.Inceptions().Where(i => i.Date > warm).MaxBy(i => i.Date) is { } early)
            {
                throw new CliException($"--from {options.From:yyyy-MM-dd}: the evaluation issues its tokens {options.WarmupDays} days earlier, on {warm:yyyy-MM-dd}, before {early.Asset}'s inception, its first liquid trading day {early.Date:yyyy-MM-dd} ({early.Reason}); the earliest window starts {early.Date.AddDays(options.WarmupDays):yyyy-MM-dd}");
            }

            string latest;
            try
            {
                latest = LatestEvaluation.DirectoryFor(parse.GetValue(db) is { Length: > 0 } named ? named : CliHost.DefaultDatabase, CliHost.DataDirectory);
            }
            catch (ArgumentException ex)
            {
                throw new CliException($"--db: {ex.Message}");
            }

            var result = await EvaluateWithProgressAsync(history, parse.GetValue(data), options, ct) with { RunAt = CliHost.Clock.GetUtcNow() };
            var rendered = EvaluationHtml.Render(result);
            await LatestEvaluation.WriteAsync(latest, rendered, JsonSerializer.Serialize(result, CliJson.Indented), ct);
            Console.Error.WriteLine($"evaluate: latest report kept in {latest}");
            if (parse.GetValue(report) is { } html)
            {
                await File.WriteAllTextAsync(html, rendered, ct);
            }

            if (parse.GetValue(markdown) is { } md)
            {
                await File.WriteAllTextAsync(md, EvaluationMarkdown.Render(result), ct);
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(result);
            }
            else
            {
                Console.Write(EvaluationMarkdown.Render(result));
            }

            return 0;
        });
        root.Subcommands.Add(cmd);
    }

    private static DateOnly EvaluateDate(string option, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new CliException($"{option} {text}: expected a date yyyy-MM-dd");

    private static async Task<EvaluationReport> EvaluateWithProgressAsync(MarketHistory history, string? dataDir, EvaluationOptions options, CancellationToken ct)
    {
        var clock = new ReplayClock(options.From.AddDays(-options.WarmupDays));
        // The scratch database is thrown away afterwards, so it lives in memory-backed /dev/shm where there is one: its
        // commits keep synchronous=FULL (the production setting) but an fsync on tmpfs costs nothing.
        var scratch = Directory.Exists("/dev/shm") ? "/dev/shm" : null;
        await using var platform = await ScratchEvaluationPlatform.CreateAsync(history, clock, options.OptimizerOptions(CliHost.OptimizerOptions), scratch, ct);

        // The treasury's market view: the intelligence layer over the same history (offline), as `arena treasury` wires it.
        var settings = dataDir is null ? null : new Dictionary<string, string?> { [HistoryLocator.ConfigKey] = CliHost.HistoryDirectory(dataDir) };
        await using var intel = IntelServices.Build(live: false, settings);
        var treasuryOptions = new TreasuryOptions
        {
            Mode = "FULL_AI",
            InitialCapital = options.Capital,
            InceptionDate = options.From.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var treasury = platform.Treasury(IntelServices.Resolve<MarketIntelligence>(intel), IntelServices.Resolve<IMarketDataProvider>(intel), treasuryOptions, new RuleAdvisorOptions());
        if (Console.IsErrorRedirected)
        {
            var lines = new PlainProgress();
            return await WalkForwardEvaluator.RunAsync(platform, clock, history, options, treasury, lines, ct);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        EvaluationReport? result = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var sink = new CallbackProgress(p =>
                {
                    if (!tasks.TryGetValue(p.Stage, out var task))
                    {
                        task = ctx.AddTask(p.Stage, maxValue: Math.Max(1, p.Total));
                        tasks[p.Stage] = task;
                    }

                    task.Value = p.Done;
                });
                result = await WalkForwardEvaluator.RunAsync(platform, clock, history, options, treasury, sink, ct);
            });
        return result!;
    }

    /// <summary>Progress as plain lines on stderr (when it is not a terminal): each stage's start and every tenth of it.</summary>
    private sealed class PlainProgress : IProgress<EvaluationProgress>
    {
        private string? _stage;
        private int _lastTenth = -1;

        public void Report(EvaluationProgress value)
        {
            var tenth = value.Total > 0 ? value.Done * 10 / value.Total : 10;
            if (value.Stage == _stage && tenth == _lastTenth)
            {
                return;
            }

            _stage = value.Stage;
            _lastTenth = tenth;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"evaluate: {value.Stage} {value.Done}/{value.Total}"));
        }
    }

    private sealed class CallbackProgress(Action<EvaluationProgress> report) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value) => report(value);
    }
}
