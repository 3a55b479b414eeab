using System.CommandLine;
using TreasuryArena.Cli.Commands.Treasury;

namespace TreasuryArena.Cli;

/// <summary><c>arena treasury status|plan|execute</c>, <c>arena advise</c>, <c>arena journal</c>, <c>arena review</c>.</summary>
internal static partial class CliCommands
{
    static partial void AddTreasury(RootCommand root)
    {
        var treasury = new Command("treasury", "The organisation's treasury: status (daily summary), rebalancing plan, paper execution");
        treasury.Subcommands.Add(TreasuryVerb("status", "Value, P&L, allocation against target, drift, benchmarks, indicators and today's decision", readOnly: true, run: async (s, asOf, json, ct) =>
        {
            var status = await s.Manager.StatusAsync(asOf, ct);
            TreasuryPrint(json, () => TreasuryJson.Status(status), w => TreasuryText.Status(w, status));
        }));
        treasury.Subcommands.Add(TreasuryVerb("plan", "The rebalancing plan to target (orders by venue with estimated fees and slippage, sells first, within the limits); executes nothing", readOnly: true, run: async (s, asOf, json, ct) =>
        {
            var (status, plan) = await s.Manager.PlanAsync(asOf, ct);
            TreasuryPrint(json, () => TreasuryJson.Plan(status, plan), w => TreasuryText.Plan(w, status, plan));
        }));
        treasury.Subcommands.Add(TreasuryVerb("execute", "Plan, ask the advisor to approve/reject/shrink, apply the guardrails and execute on the paper venue; saves and journals", async (s, asOf, json, ct) =>
        {
            var result = await s.UseCases.ExecuteAsync(PlatformCli.Operator, asOf, ct);
            TreasuryPrint(json, () => TreasuryJson.Advice(result), w => TreasuryText.Advice(w, result, "Rebalance review"));
        }));
        root.Subcommands.Add(treasury);

        root.Subcommands.Add(TreasuryVerb("advise", "The daily analysis of the treasury on the current (or --as-of) state: act today or not; journaled", async (s, asOf, json, ct) =>
        {
            var result = await s.UseCases.AdviseAsync(PlatformCli.Operator, asOf, ct);
            TreasuryPrint(json, () => TreasuryJson.Advice(result), w => TreasuryText.Advice(w, result, "Daily analysis"));
        }));

        var limit = new Option<int>("--limit") { Description = "How many decisions to list (newest first)", DefaultValueFactory = _ => 20 };
        var journalDb = CliDatabase.ExistingOption();
        var journalJson = JsonOption();
        var journal = new Command("journal", "Journaled decisions with their outcomes (outcomes whose horizon has passed are evaluated first)");
        journal.Options.Add(limit);
        journal.Options.Add(journalDb);
        journal.Options.Add(journalJson);
        journal.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(limit);
            if (n <= 0)
            {
                throw new CliException("--limit must be a positive number");
            }

            await using var s = await TreasuryServices.OpenAsync(parse.GetValue(journalDb), ct);
            await TreasuryGuard(() => s.Manager.EvaluateOutcomesAsync(s.Manager.DefaultAsOf, ct));
            var entries = await s.Journal.ListAsync(n, ct);
            TreasuryPrint(parse.GetValue(journalJson), () => entries.Select(TreasuryJson.Entry).ToList(), w => TreasuryText.Journal(w, entries));
            return 0;
        });
        root.Subcommands.Add(journal);

        root.Subcommands.Add(TreasuryVerb("review", "The weekly review: hit rate and calibration per advisor, the week against the benchmarks, and the advisor's commentary", readOnly: true, run: async (s, asOf, json, ct) =>
        {
            var report = await s.UseCases.ReviewAsync(PlatformCli.Operator, asOf, ct);
            TreasuryPrint(json, () => TreasuryJson.Review(report), w => TreasuryText.Review(w, report));
        }));
    }

    private static Option<bool> JsonOption() => new("--json") { Description = "Print JSON (snake_case)" };

    private static Command TreasuryVerb(string name, string description, Func<TreasuryServices, DateOnly, bool, CancellationToken, Task> run) =>
        TreasuryVerb(name, description, false, run);

    /// <summary>A treasury verb; <paramref name="readOnly"/>: it only reads, so a missing database file is refused, not created.</summary>
    private static Command TreasuryVerb(string name, string description, bool readOnly, Func<TreasuryServices, DateOnly, bool, CancellationToken, Task> run)
    {
        var asOf = new Option<string?>("--as-of") { Description = "Date (yyyy-MM-dd); default: the latest date the market data covers" };
        var db = readOnly ? CliDatabase.ExistingOption() : CliDatabase.Option();
        var json = JsonOption();
        var command = new Command(name, description);
        command.Options.Add(asOf);
        command.Options.Add(db);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var date = TreasuryParseAsOf(parse.GetValue(asOf));
            await using var services = await TreasuryServices.OpenAsync(parse.GetValue(db), ct);
            await TreasuryGuard(() => run(services, date ?? services.Manager.DefaultAsOf, parse.GetValue(json), ct));
            return 0;
        });
        return command;
    }

    private static DateOnly? TreasuryParseAsOf(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
                ? d
                : throw new CliException($"--as-of `{text}` is not a yyyy-MM-dd date");

    /// <summary>Turns a refused input (a date without prices, before inception, …) into a user error.</summary>
    private static async Task TreasuryGuard(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    private static void TreasuryPrint(bool json, Func<object> toJson, Action<TextWriter> toText)
    {
        if (json)
        {
            CliJson.Write(toJson(), indented: true);
        }
        else
        {
            toText(Console.Out);
        }
    }
}
