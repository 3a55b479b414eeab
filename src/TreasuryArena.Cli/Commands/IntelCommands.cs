using System.CommandLine;
using System.Globalization;
using TreasuryArena.Cli.Commands.Intel;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.Ports;

namespace TreasuryArena.Cli;

/// <summary><c>arena intel</c> and <c>arena data fetch</c>.</summary>
internal static partial class CliCommands
{
    static partial void AddIntel(RootCommand root)
    {
        var asOf = new Option<string?>("--as-of") { Description = "Date (yyyy-MM-dd) to assess as of; default: the last date of the shipped history (history mode) or now (live)" };
        var live = new Option<bool>("--live") { Description = "Read the live sources (MarketData:Mode=live) instead of the shipped history" };
        var json = new Option<bool>("--json") { Description = "Print JSON (snake_case)" };
        var intel = new Command("intel", "Market indicators with source and age, the market phase with its evidence, the allocation signal and rebalance triggers");
        intel.Options.Add(asOf);
        intel.Options.Add(live);
        intel.Options.Add(json);
        intel.SetAction(async (parse, ct) =>
        {
            var date = ParseAsOf(parse.GetValue(asOf));
            await using var sp = IntelServices.Build(parse.GetValue(live));
            var intelligence = IntelServices.Resolve<MarketIntelligence>(sp);
            var report = await intelligence.AssessAsync(date, current: null, alerts: [], ct);
            var health = IntelServices.Resolve<IMarketDataHealth>(sp).Sources();
            if (parse.GetValue(json))
            {
                CliJson.Write(IntelOutput.ToJson(report, health), indented: true);
            }
            else
            {
                IntelOutput.WriteText(Console.Out, report, health);
            }

            // A live read with no fresh source is a failure (the report says why and gives no phase).
            if (report.PhaseUnknownReason is { } unknown)
            {
                await Console.Error.WriteLineAsync("error: " + unknown);
                return (int)Core.Common.ExitCode.Failed;
            }

            return 0;
        });
        root.Subcommands.Add(intel);

        var data = new Command("data", "Market data files");
        var to = new Option<string?>("--to") { Description = "Directory to write the history layout into (default ./data/market)" };
        var fetchJson = new Option<bool>("--json") { Description = "Print JSON (snake_case)" };
        var fetch = new Command("fetch", "Build the shipped history layout from the live sources where the network allows, and say what could not be fetched");
        fetch.Options.Add(to);
        fetch.Options.Add(fetchJson);
        fetch.SetAction(async (parse, ct) =>
        {
            var dir = Path.GetFullPath(parse.GetValue(to) ?? Path.Combine(CliHost.DataDirectory, "market"));
            await using var sp = IntelServices.Build(live: true);
            return await DataFetchCommand.RunAsync(sp, dir, parse.GetValue(fetchJson), ct);
        });
        data.Subcommands.Add(fetch);
        root.Subcommands.Add(data);

    }

    /// <summary>Parses <c>--as-of</c> (yyyy-MM-dd); also used by the treasury commands.</summary>
    private static DateOnly? ParseAsOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new CliException($"--as-of `{text}` is not a yyyy-MM-dd date");
    }
}
