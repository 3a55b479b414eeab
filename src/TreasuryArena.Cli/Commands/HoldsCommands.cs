using System.CommandLine;
using System.Globalization;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Infrastructure.Reports;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Contracts;

namespace TreasuryArena.Cli;

/// <summary>
/// Held trades and held rebalance plans (<c>arena holds [--status S] | release --id | reject --id | expire</c>) through the
/// same <see cref="Core.Application.HoldUseCases"/> calls as the admin API (the operator acts as admin), and a wallet's turnover and fees (<c>arena wallet activity</c>).
/// </summary>
internal static partial class CliCommands
{
    private static Command HoldsCommand()
    {
        var db = CliDatabase.ExistingOption();
        var status = new Option<string?>("--status") { Description = "held | released | rejected | expired | superseded (default: all)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var cmd = new Command("holds", "Held trades and held rebalance plans (a plan is held as one decision), with when each expires; `holds release|reject|expire`");
        foreach (var o in new Option[] { db, status, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) => await WithRuntimeAsync(parse.GetValue(db), async rt =>
        {
            HoldStatus? filter = parse.GetValue(status) is { } s
                ? Enum.TryParse<HoldStatus>(s, ignoreCase: true, out var p) && !int.TryParse(s, out _) ? p : throw new CliException($"--status {s}: expected held, released, rejected, expired or superseded")
                : null;
            var holds = (await rt.ComplianceStore.ListHoldsAsync(filter, null, ct)).Select(h => HoldResponse.From(h, rt.Holds.Lifetime)).ToList();
            PrintHolds(holds, parse.GetValue(json));
            return 0;
        }, ct));
        cmd.Subcommands.Add(HoldDecisionCommand(release: true));
        cmd.Subcommands.Add(HoldDecisionCommand(release: false));
        cmd.Subcommands.Add(HoldExpireCommand());
        return cmd;
    }

    private static Command HoldDecisionCommand(bool release)
    {
        var db = CliDatabase.Option();
        var id = new Option<Guid>("--id") { Description = "The hold's id", Required = true };
        var reason = new Option<string?>("--reason") { Description = "Why (reject)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var cmd = release
            ? new Command("release", "Release a hold as the admin: a trade executes; a plan executes whole (re-checked against current NAVs and the cap) or not at all")
            : new Command("reject", "Reject a hold: nothing executes (for a plan, none of its orders)");
        foreach (var o in release ? new Option[] { db, id, json } : new Option[] { db, id, reason, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) => await WithRuntimeAsync(parse.GetValue(db), async rt =>
        {
            HoldResponse response;
            if (release)
            {
                var d = await rt.HoldDecisions.ReleaseAsync(PlatformCli.Operator, parse.GetValue(id), ct);
                if (d.Trade is TradeOutcome.Refused refused)
                {
                    // The trade was refused now: the hold stays pending (as the API answers the refusal's problem).
                    throw new DomainException(refused.Outcome, refused.Message);
                }

                response = HoldResponse.From(d.Hold, rt.HoldDecisions.Lifetime, d.PlanExecutions);
            }
            else
            {
                response = HoldResponse.From(await rt.HoldDecisions.RejectAsync(PlatformCli.Operator, parse.GetValue(id), parse.GetValue(reason), ct), rt.HoldDecisions.Lifetime);
            }

            PrintHolds([response], parse.GetValue(json));
            return 0;
        }, ct));
        return cmd;
    }

    private static Command HoldExpireCommand()
    {
        var db = CliDatabase.Option();
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var cmd = new Command("expire", "Expire every hold pending longer than the hold lifetime (default 72 h), audited and notified (the hourly job's call)");
        cmd.Options.Add(db);
        cmd.Options.Add(json);
        cmd.SetAction(async (parse, ct) => await WithRuntimeAsync(parse.GetValue(db), async rt =>
        {
            var expired = (await rt.HoldDecisions.ExpireAsync(PlatformCli.Operator, ct)).Select(h => HoldResponse.From(h, rt.HoldDecisions.Lifetime)).ToList();
            PrintHolds(expired, parse.GetValue(json));
            return 0;
        }, ct));
        return cmd;
    }

    private static void PrintHolds(List<HoldResponse> holds, bool json)
    {
        if (json)
        {
            CliJson.Write(holds);
            return;
        }

        foreach (var h in holds)
        {
            var what = h.Kind == "plan" ? Inv($"plan of {h.Orders?.Count ?? 0} orders") : Inv($"{h.Side.ToString().ToLowerInvariant()} {h.Symbol}");
            CliOutput.WriteWrapped(Console.Out, Inv($"{h.Id} {h.Status.ToString().ToLowerInvariant()} {CliOutput.ShortAddress(h.WalletAddress)} {what} ${h.UsdValue:N2} held {h.HeldAt:yyyy-MM-dd HH:mm}Z expires {h.ExpiresAt:yyyy-MM-dd HH:mm}Z: {FreeText.ForDisplay(string.Join("; ", h.Reasons))}{(h.Result is null ? "" : " → " + FreeText.ForDisplay(h.Result))}"), 0, 2);
        }

        Console.WriteLine(Inv($"{holds.Count} holds"));
    }

    private static Command WalletActivityCommand()
    {
        var db = CliDatabase.ExistingOption();
        var address = new Option<string>("--wallet") { Description = "Wallet address", Required = true };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var cmd = new Command("activity", "A wallet's turnover (½ × buys + sells ÷ value now) and trade fees paid over 30 days, 365 days and since inception, from the ledger");
        foreach (var o in new Option[] { db, address, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) => await WithRuntimeAsync(parse.GetValue(db), async rt =>
        {
            var view = rt.Ledger.GetWallet(parse.GetValue(address)!) ?? throw new CliException($"no wallet {parse.GetValue(address)}", Outcome.WalletNotFound);
            var value = rt.Desk.WalletValue(view);
            await using var journal = rt.Database.CreateLedgerJournal();
            var a = await WalletActivity.ReadAsync(journal, view.Wallet.Address, value, rt.Clock.Today, ct);
            var turnover = WalletTurnoverResponse.From(a);
            var fees = WalletFeesPaidResponse.From(a);
            if (parse.GetValue(json))
            {
                CliJson.Write(new { address = view.Wallet.Address, value, turnover, fees_paid = fees });
                return 0;
            }

            Console.WriteLine(Inv($"{CliOutput.ShortAddress(view.Wallet.Address)}: value ${value:N2}, deposits ${a.Deposits:N2}"));
            var table = new CliTable().Text("window").Number("turnover").Number("traded $").Number("trades").Number("trade fees $");
            foreach (var (name, w) in new[] { ("last 30 days", a.Last30Days), ("last 365 days", a.Last365Days), ("since inception", a.SinceInception) })
            {
                table.Row(name, w.Turnover is { } t ? t.ToString("P1", CultureInfo.InvariantCulture) : "—", Inv($"{w.Traded:N2}"), Inv($"{w.Trades}"), Inv($"{w.TradeFees:N2}"));
            }

            table.Write();
            CliOutput.WriteWrapped(Console.Out, Inv($"  trade fees since inception: {(a.FeesShareOfDeposits is { } f ? f.ToString("P2", CultureInfo.InvariantCulture) : "—")} of deposits"), 0, 4);
            return 0;
        }, ct));
        return cmd;
    }
}
