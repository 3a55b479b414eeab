using System.CommandLine;
using TreasuryArena.Core.Approvals;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;
using TreasuryArena.Server.Contracts;

namespace TreasuryArena.Cli;

/// <summary>
/// Two-person approvals (<c>arena approvals [--status S] | approve --id | reject --id [--reason] | expire</c>) through
/// the same <see cref="Core.Application.ApprovalUseCases"/> calls as <c>/api/approvals</c>: a member acts with
/// <c>--as-key KEY</c> (the second approval must be a different treasurer of the organisation); the operator lists every
/// organisation's, may reject and expires.
/// </summary>
internal static partial class CliCommands
{
    private static Command ApprovalsCommand()
    {
        var db = CliDatabase.ExistingOption();
        var status = new Option<string?>("--status") { Description = "awaiting_second_approval (default) | executed | rejected | expired | all" };
        var cmd = new Command("approvals", "Two-person approvals awaiting a second member (of the --as-key member's organisation; the operator: all); `approvals approve|reject|expire`");
        cmd.Options.Add(db);
        cmd.Options.Add(status);
        cmd.SetAction(async (parse, ct) => await WithRuntimeAsync(parse.GetValue(db), async rt =>
        {
            ApprovalStatus? filter = ApprovalStatus.AwaitingSecondApproval;
            if (parse.GetValue(status) is { } s)
            {
                filter = string.Equals(s, "all", StringComparison.OrdinalIgnoreCase) ? null
                    : PendingApproval.TryParse<ApprovalStatus>(s, out var p) ? p
                    : throw new CliException($"--status {s}: expected awaiting_second_approval, executed, rejected, expired or all");
            }

            var list = await rt.Approvals.ListAsync(PlatformCli.Operator, filter, ct);
            var names = await new ActorNames(rt.Identity).ForAsync(PlatformCli.Operator.OrganisationId, ct);
            CliJson.Write(list.Select(a => ApprovalResponse.From(a, names)).ToList());
            return 0;
        }, ct));
        cmd.Subcommands.Add(ApprovalDecisionCommand(approve: true));
        cmd.Subcommands.Add(ApprovalDecisionCommand(approve: false));
        cmd.Subcommands.Add(ApprovalExpireCommand());
        return cmd;
    }

    private static Command ApprovalDecisionCommand(bool approve)
    {
        var db = CliDatabase.Option();
        var id = new Option<Guid>("--id") { Description = "The approval's id", Required = true };
        var reason = new Option<string?>("--reason") { Description = "Why (reject)" };
        var cmd = approve
            ? new Command("approve", "Give the second approval (with --as-key: a treasurer other than the requester); the request executes; prints the result as JSON")
            : new Command("reject", "Reject a request awaiting its second approval: nothing executes");
        foreach (var o in approve ? new Option[] { db, id } : new Option[] { db, id, reason })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) => await WithRuntimeAsync(parse.GetValue(db), async rt =>
        {
            if (approve)
            {
                CliJson.Write(ApprovalDecisionResponse.From(await rt.Approvals.ApproveAsync(PlatformCli.Operator, parse.GetValue(id), ct)));
            }
            else
            {
                CliJson.Write(ApprovalResponse.From(await rt.Approvals.RejectAsync(PlatformCli.Operator, parse.GetValue(id), parse.GetValue(reason), ct)));
            }

            return 0;
        }, ct));
        return cmd;
    }

    private static Command ApprovalExpireCommand()
    {
        var db = CliDatabase.Option();
        var cmd = new Command("expire", "Expire every approval not given within Approvals:Lifetime (default 72 h), audited and notified (the hourly job's call)");
        cmd.Options.Add(db);
        cmd.SetAction(async (parse, ct) => await WithRuntimeAsync(parse.GetValue(db), async rt =>
        {
            CliJson.Write((await rt.Approvals.ExpireAsync(PlatformCli.Operator, ct)).Select(ApprovalResponse.From).ToList());
            return 0;
        }, ct));
        return cmd;
    }
}
