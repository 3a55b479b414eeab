using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TreasuryArena.Core.Backtesting;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Strategies;

namespace TreasuryArena.Cli;

/// <summary>
/// <c>arena inceptions</c>: the inception registry (<see cref="Inception"/>) on the loaded history — each asset's first
/// liquid trading day and why, each yield venue's launch and its source — and where each library strategy's default
/// backtest window starts (after its warm-up, its auxiliary series and its assets' inception).
/// </summary>
internal static class InceptionsCli
{
    public static Command Command()
    {
        var data = new Option<string?>("--data") { Description = "market history directory (default: the shipped history)" };
        var json = new Option<bool>("--json") { Description = "print one JSON object" };
        var cmd = new Command("inceptions", "Each asset's first liquid trading day, each yield venue's launch, and where each library strategy's default backtest starts.");
        cmd.Options.Add(data);
        cmd.Options.Add(json);
        cmd.SetAction((parse, ct) => BacktestCli.Guard(() =>
        {
            var history = BacktestCli.History(parse.GetValue(data));
            var report = Build(history);
            if (parse.GetValue(json))
            {
                CliJson.Write(report);
                return 0;
            }

            Console.WriteLine(report.Rule);
            var assets = new Table().Title("Assets").AddColumns("asset", "first data", "inception", "reason");
            foreach (var a in report.Assets)
            {
                assets.AddRow(a.Asset, D(a.FirstData), D(a.Inception), Markup.Escape(a.Reason));
            }

            AnsiConsole.Write(assets);
            Console.WriteLine(report.BeforeLaunch);
            var venues = new Table().Title("Yield venues").AddColumns("venue", "launch", "what", "source");
            foreach (var v in report.Venues)
            {
                venues.AddRow(v.Venue, D(v.Launch), Markup.Escape(v.Name), Markup.Escape(v.Source));
            }

            AnsiConsole.Write(venues);
            var strategies = new Table().Title("Library strategies: default backtest window").AddColumns("strategy", "assets", "starts", "binding inception");
            foreach (var s in report.Strategies)
            {
                strategies.AddRow(s.Strategy, string.Join("+", s.Assets), D(s.DefaultFrom), s.BindingAsset is null ? "—" : $"{s.BindingAsset} {D(s.BindingInception!.Value)}");
            }

            AnsiConsole.Write(strategies);
            return 0;
        }));
        return cmd;
    }

    /// <summary>The registry on <paramref name="history"/> with every library strategy's default start (BTC benchmark, as <c>arena backtest</c>).</summary>
    internal static InceptionsReport Build(MarketHistory history)
    {
        var strategies = new List<StrategyWindow>();
        foreach (var d in StrategyLibrary.All)
        {
            var s = d.Create(null);
            var frame = BarDataBuilder.FromHistory(history, s.Assets.Append("BTC"));
            var start = Backtester.DefaultStart(frame, s);
            strategies.Add(new StrategyWindow(d.Name, [.. s.Assets], frame.Dates[start], frame.Dates[^1], frame.Binding?.Asset, frame.Binding?.Date));
        }

        return new InceptionsReport(
            string.Create(CultureInfo.InvariantCulture, $"An asset's inception is the first of {Inception.LiquidDays} consecutive days with a positive close and at least ${Inception.MinDailyVolumeUsd:N0} of reported daily volume; nothing trades it earlier."),
            "Before a venue's launch, a position meant for it is credited the US 3-month T-bill rate, not the venue's yield.",
            [.. history.Inceptions().Select(i => new AssetRow(i.Asset, i.FirstData, i.Date, i.Reason))],
            [.. Inception.Venues.Select(v => new VenueRow(v.Venue, v.Name, v.Date, v.Source))],
            strategies);
    }

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal sealed record InceptionsReport(string Rule, string BeforeLaunch, IReadOnlyList<AssetRow> Assets, IReadOnlyList<VenueRow> Venues, IReadOnlyList<StrategyWindow> Strategies);

    internal sealed record AssetRow(string Asset, DateOnly FirstData, DateOnly Inception, string Reason);

    internal sealed record VenueRow(string Venue, string Name, DateOnly Launch, string Source);

    internal sealed record StrategyWindow(string Strategy, IReadOnlyList<string> Assets, DateOnly DefaultFrom, DateOnly DefaultTo, string? BindingAsset, DateOnly? BindingInception);
}
