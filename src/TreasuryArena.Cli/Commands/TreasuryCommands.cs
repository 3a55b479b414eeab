using System.CommandLine;
using TreasuryArena.Cli.Commands.Treasury;

namespace TreasuryArena.Cli;

/// <summary>
/// <c>arena treasury create|status|plan|execute</c>, <c>arena advise</c>, <c>arena journal</c>, <c>arena review</c>: each on
/// one organisation's treasury (<c>--org NAME</c> for the operator; without it, the platform treasury; a member acting
/// with <c>--as-key</c> only ever reaches their own), through <see cref="Core.Application.TreasuryUseCases"/>.
/// </summary>
internal static partial class CliCommands
{
    static partial void AddTreasury(RootCommand root)
    {
        var treasury = new Command("treasury", "An organisation's treasury: create, status (daily summary), rebalancing plan, paper execution");
        treasury.Subcommands.Add(TreasuryCreateCommand());
        treasury.Subcommands.Add(TreasuryVerb("status", "Value, P&L, allocation against target, drift, benchmarks, indicators and today's decision", readOnly: true, run: async (s, org, asOf, json, ct) =>
        {
            var status = await s.UseCases.StatusAsync(PlatformCli.Operator, org, asOf, ct);
            TreasuryPrint(json, () => TreasuryJson.Status(status), w => TreasuryText.Status(w, status));
        }));
        treasury.Subcommands.Add(TreasuryVerb("plan", "The rebalancing plan to target (orders by venue with estimated fees and slippage, sells first, within the limits); executes nothing", readOnly: true, run: async (s, org, asOf, json, ct) =>
        {
            var scope = await s.UseCases.OpenAsync(PlatformCli.Operator, org, ct);
            var (status, plan) = await scope.Manager.PlanAsync(asOf, ct);
            TreasuryPrint(json, () => TreasuryJson.Plan(status, plan), w => TreasuryText.Plan(w, status, plan));
        }));
        treasury.Subcommands.Add(TreasuryVerb("execute", "Plan, ask the advisor to approve/reject/shrink, apply the guardrails and execute on the paper venue; saves and journals", async (s, org, asOf, json, ct) =>
        {
            var result = await s.UseCases.ExecuteAsync(PlatformCli.Operator, org, asOf, ct);
            TreasuryPrint(json, () => TreasuryJson.Advice(result), w => TreasuryText.Advice(w, result, "Rebalance review"));
        }));
        root.Subcommands.Add(treasury);

        root.Subcommands.Add(TreasuryVerb("advise", "The daily analysis of the treasury on the current (or --as-of) state: act today or not; journaled", async (s, org, asOf, json, ct) =>
        {
            var result = await s.UseCases.AdviseAsync(PlatformCli.Operator, org, asOf, ct);
            TreasuryPrint(json, () => TreasuryJson.Advice(result), w => TreasuryText.Advice(w, result, "Daily analysis"));
        }));

        var limit = new Option<int>("--limit") { Description = "How many decisions to list (newest first)", DefaultValueFactory = _ => 20 };
        var journalDb = CliDatabase.ExistingOption();
        var journalJson = JsonOption();
        var journalOrg = OrgOption();
        var journal = new Command("journal", "Journaled decisions with their outcomes (outcomes whose horizon has passed are evaluated first)");
        journal.Options.Add(limit);
        journal.Options.Add(journalOrg);
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
            var scope = await s.UseCases.OpenAsync(PlatformCli.Operator, parse.GetValue(journalOrg), ct);
            await TreasuryGuard(() => scope.Manager.EvaluateOutcomesAsync(scope.Manager.DefaultAsOf, ct));
            var entries = await scope.Journal.ListAsync(n, ct);
            TreasuryPrint(parse.GetValue(journalJson), () => entries.Select(TreasuryJson.Entry).ToList(), w => TreasuryText.Journal(w, entries));
            return 0;
        });
        root.Subcommands.Add(journal);

        root.Subcommands.Add(TreasuryVerb("review", "The weekly review: hit rate and calibration per advisor, the week against the benchmarks, and the advisor's commentary", readOnly: true, run: async (s, org, asOf, json, ct) =>
        {
            var report = await s.UseCases.ReviewAsync(PlatformCli.Operator, org, asOf, ct);
            TreasuryPrint(json, () => TreasuryJson.Review(report), w => TreasuryText.Review(w, report));
        }));
    }

    private static Option<bool> JsonOption() => new("--json") { Description = "Print JSON (snake_case)" };

    private static Option<string?> OrgOption() =>
        new("--org") { Description = "The organisation (name or id) whose treasury this is; default: the platform treasury (a member: their own)" };

    /// <summary><c>arena treasury create --org NAME --capital N</c>: registers and funds the organisation's treasury.</summary>
    private static Command TreasuryCreateCommand()
    {
        var db = CliDatabase.Option();
        var org = new Option<string>("--org") { Description = "The organisation (name or id) whose treasury this is", Required = true };
        var capital = new Option<decimal>("--capital") { Description = "The USD capital the treasury starts with", Required = true };
        var json = JsonOption();
        var cmd = new Command("create", "Create an organisation's treasury with its capital (60/40 targets, venues and limits from the Treasury configuration)");
        foreach (var o in new Option[] { db, org, capital, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            await using var s = await TreasuryServices.OpenAsync(parse.GetValue(db), ct);
            var account = await s.UseCases.CreateAsync(PlatformCli.Operator, parse.GetValue(org), parse.GetValue(capital), ct);
            TreasuryPrint(parse.GetValue(json), () => TreasuryJson.Account(account), w => TreasuryText.Account(w, account));
            return 0;
        });
        return cmd;
    }

    private static Command TreasuryVerb(string name, string description, Func<TreasuryServices, string?, DateOnly, bool, CancellationToken, Task> run) =>
        TreasuryVerb(name, description, false, run);

    /// <summary>A treasury verb; <paramref name="readOnly"/>: it only reads, so a missing database file is refused, not created.</summary>
    private static Command TreasuryVerb(string name, string description, bool readOnly, Func<TreasuryServices, string?, DateOnly, bool, CancellationToken, Task> run)
    {
        var asOf = new Option<string?>("--as-of") { Description = "Date (yyyy-MM-dd); default: the latest date the market data covers" };
        var org = OrgOption();
        var db = readOnly ? CliDatabase.ExistingOption() : CliDatabase.Option();
        var json = JsonOption();
        var command = new Command(name, description);
        command.Options.Add(asOf);
        command.Options.Add(org);
        command.Options.Add(db);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var date = TreasuryParseAsOf(parse.GetValue(asOf));
            await using var services = await TreasuryServices.OpenAsync(parse.GetValue(db), ct);
            await TreasuryGuard(() => run(services, parse.GetValue(org), date ?? services.Manager.DefaultAsOf, parse.GetValue(json), ct));
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
