using System.CommandLine;
using System.Globalization;
using System.Text;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Policy;
using TreasuryArena.Infrastructure.Policy;

namespace TreasuryArena.Cli;

/// <summary>
/// <c>arena policy show|set|breaches --org NAME</c>: an organisation's Investment Policy Statement through the same
/// <see cref="PolicyUseCases"/> as <c>/api/orgs/me/policy</c>. <c>set</c> reads a YAML file (some clauses only: the
/// others keep their values); the operator acts for the platform (audited <c>policy.set</c>, no second approval).
/// </summary>
internal static partial class CliCommands
{
    static partial void AddPolicy(RootCommand root)
    {
        var policy = new Command("policy", "An organisation's Investment Policy Statement (IPS): show, set from YAML, breaches");
        policy.Subcommands.Add(PolicyShowCommand());
        policy.Subcommands.Add(PolicySetCommand());
        policy.Subcommands.Add(PolicyBreachesCommand());
        root.Subcommands.Add(policy);
    }

    private static Option<string> PolicyOrgOption() => new("--org") { Description = "Organisation name", Required = true };

    private static Command PolicyShowCommand()
    {
        var db = CliDatabase.ExistingOption();
        var org = PolicyOrgOption();
        var json = AdminJsonOption();
        var cmd = new Command("show", "Print the organisation's policy in force (version 0: the platform default)");
        foreach (var o in new Option[] { db, org, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            await using var p = await PlatformCli.OpenAsync(parse.GetValue(db), ct);
            var o = await p.RequireOrganisationAsync(parse.GetValue(org)!, ct);
            var v = await AdminGuard(() => p.Policies.ShowAsync(PlatformCli.Operator, o.Id, ct));
            AdminPrint(parse.GetValue(json), PolicyJson(v), PolicyText(o.Name, v));
            return 0;
        });
        return cmd;
    }

    private static Command PolicySetCommand()
    {
        var db = CliDatabase.Option();
        var org = PolicyOrgOption();
        var file = new Option<FileInfo>("--file") { Description = "The policy YAML (some clauses only: the others keep their values)", Required = true };
        var json = AdminJsonOption();
        var cmd = new Command("set", "Set clauses of the organisation's policy from a YAML file (a new version, audited)");
        foreach (var o in new Option[] { db, org, file, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            var change = await AdminGuard(() => Task.FromResult(PolicyYamlReader.Load(parse.GetValue(file)!.FullName)));
            await using var p = await PlatformCli.OpenAsync(parse.GetValue(db), ct);
            var o = await p.RequireOrganisationAsync(parse.GetValue(org)!, ct);
            // The operator acts for the platform (audited policy.set): a new version at once, no second approval.
            var v = (await AdminGuard(() => p.Policies.ProposeChangeAsync(PlatformCli.Operator, o.Id, change, ct))).Version!;
            AdminPrint(parse.GetValue(json), PolicyJson(v), $"'{Shown(o.Name)}' policy version {v.Version} set ({string.Join(", ", change.Clauses)})\n" + PolicyText(o.Name, v));
            return 0;
        });
        return cmd;
    }

    private static Command PolicyBreachesCommand()
    {
        var db = CliDatabase.ExistingOption();
        var org = PolicyOrgOption();
        var json = AdminJsonOption();
        var cmd = new Command("breaches", "List the clauses the organisation's current holdings break, with a suggested remedy (exit 0 either way)");
        foreach (var o in new Option[] { db, org, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            await using var p = await PlatformCli.OpenAsync(parse.GetValue(db), ct);
            var o = await p.RequireOrganisationAsync(parse.GetValue(org)!, ct);
            var r = await AdminGuard(() => p.Policies.BreachesAsync(PlatformCli.Operator, o.Id, ct));
            var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"'{Shown(o.Name)}' against policy version {r.Policy.Version}: cash {Core.Policy.PolicyText.Usd(r.Holdings.Cash)}, total {Core.Policy.PolicyText.Usd(r.Holdings.Total)}, volatile {Core.Policy.PolicyText.Percent(r.Holdings.VolatileShare)}"));
            text.Append(r.Breaches.Count == 0 ? "\nno breaches" : "");
            foreach (var b in r.Breaches)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n{b.Clause}: measured {b.Measured}, limit {b.Limit}\n  {b.Message}\n  remedy: {b.Remedy}");
            }

            text.Append(CultureInfo.InvariantCulture, $"\nrecorded by the daily scan (last {Core.Application.PolicyUseCases.RecordedDays} days): {(r.Recorded.Count == 0 ? "none" : r.Recorded.Count.ToString(CultureInfo.InvariantCulture))}");
            foreach (var b in r.Recorded)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n  {b.AsOf:yyyy-MM-dd} {b.Breach.Message}; remedy: {b.Breach.Remedy}");
            }

            AdminPrint(parse.GetValue(json), new
            {
                organisation_id = o.Id,
                policy_version = r.Policy.Version,
                cash = r.Holdings.Cash,
                total = r.Holdings.Total,
                volatile_share = r.Holdings.VolatileShare,
                compliant = r.Breaches.Count == 0,
                breaches = r.Breaches.Select(b => new { clause = b.Clause, symbol = b.Symbol, measured = b.Measured, limit = b.Limit, message = b.Message, remedy = b.Remedy }).ToList(),
                recorded = r.Recorded.Select(b => new { as_of = b.AsOf, policy_version = b.PolicyVersion, clause = b.Breach.Clause, symbol = b.Breach.Symbol, measured = b.Breach.Measured, limit = b.Breach.Limit, message = b.Breach.Message, remedy = b.Breach.Remedy }).ToList(),
            }, text.ToString());
            return 0;
        });
        return cmd;
    }

    private static object PolicyJson(PolicyVersion v) =>
        new { organisation_id = v.OrganisationId, version = v.Version, is_default = v.IsDefault, author = v.Author, created_at = v.CreatedAt, policy = PolicyDocument.From(v.Policy) };

    private static string PolicyText(string org, PolicyVersion v)
    {
        var d = PolicyDocument.From(v.Policy);
        var s = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"'{Shown(org)}' investment policy version {v.Version}{(v.IsDefault ? " (platform default)" : string.Create(CultureInfo.InvariantCulture, $" by {Shown(v.Author)} at {v.CreatedAt:u}"))}\n"));
        s.Append(CultureInfo.InvariantCulture, $"  {PolicyClause.MaxVolatileShare}: {d.MaxVolatileShare}\n  {PolicyClause.MaxTokenWeight}: {d.MaxTokenWeight}\n");
        s.Append(CultureInfo.InvariantCulture, $"  {PolicyClause.AllowedStrategies}: [{string.Join(", ", d.AllowedStrategies ?? [])}]\n  {PolicyClause.ExcludedStrategies}: [{string.Join(", ", d.ExcludedStrategies ?? [])}]\n");
        s.Append(CultureInfo.InvariantCulture, $"  {PolicyClause.MinTokens}: {d.MinTokens}\n  {PolicyClause.LiquidityReserveMonths}: {d.LiquidityReserveMonths}\n  {PolicyClause.MonthlyExpenses}: {d.MonthlyExpenses}\n");
        s.Append(CultureInfo.InvariantCulture, $"  {PolicyClause.MaxDrawdownTolerance}: {d.MaxDrawdownTolerance}\n  {PolicyClause.Benchmark}: {d.Benchmark}\n  {PolicyClause.DualControlThreshold}: {d.DualControlThreshold}\n  {PolicyClause.RebalanceFrequency}: {d.RebalanceFrequency}");
        return s.ToString();
    }
}
