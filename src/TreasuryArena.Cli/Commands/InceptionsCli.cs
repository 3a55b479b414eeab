using System.CommandLine;
using System.Globalization;
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

            CliOutput.WriteWrapped(Console.Out, report.Rule);
            Console.WriteLine();
            var assets = new CliTable("Assets").Text("asset").Text("first data").Text("inception").Text("reason", priority: 1);
            foreach (var a in report.Assets)
            {
                assets.Row(a.Asset, D(a.FirstData), D(a.Inception), a.Reason);
            }

            assets.Write();
            Console.WriteLine();
            CliOutput.WriteWrapped(Console.Out, report.BeforeLaunch);
            Console.WriteLine();
            var venues = new CliTable("Yield venues").Text("venue").Text("launch").Text("what").Text("source", priority: 1);
            foreach (var v in report.Venues)
            {
                venues.Row(v.Venue, D(v.Launch), v.Name, v.Source);
            }

            venues.Write();
            Console.WriteLine();
            var strategies = new CliTable("Library strategies: default backtest window").Text("strategy").Text("assets", priority: 1).Text("starts").Text("binding inception");
            foreach (var s in report.Strategies)
            {
                strategies.Row(s.Strategy, string.Join("+", s.Assets), D(s.DefaultFrom), s.BindingAsset is null ? "—" : $"{s.BindingAsset} {D(s.BindingInception!.Value)}");
            }

            strategies.Write();
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
