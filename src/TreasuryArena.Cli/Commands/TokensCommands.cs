using System.CommandLine;
using System.Globalization;
using System.Text.Json.Serialization;
using Spectre.Console;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Core.Wallets.Optimization;
using TreasuryArena.Core.Wallets.Plans;
using TreasuryArena.Core.Wallets.Proposals;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Contracts;
using TreasuryArena.Server.Endpoints;

namespace TreasuryArena.Cli;

/// <summary>
/// Strategy tokens and optimizer-managed wallets: <c>arena tokens [issue|resume|retire]</c>, <c>arena nav</c>,
/// <c>arena wallet create|suggest|proposals|approve|reject</c>, <c>arena rebalance</c>.
/// </summary>
internal static partial class CliCommands
{
    static partial void AddTokens(RootCommand root)
    {
        root.Subcommands.Add(TokensCommand());
        root.Subcommands.Add(NavCommand());
        root.Subcommands.Add(WalletCommand());
        root.Subcommands.Add(RebalanceCommand());
        root.Subcommands.Add(HoldsCommand());
        root.Subcommands.Add(ApprovalsCommand());
    }

    private static Command TokensCommand()
    {
        var db = CliDatabase.ExistingOption();
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var cmd = new Command("tokens", "List strategy tokens with NAV, status, supply and 90-day metrics; `tokens issue` creates one");
        cmd.Options.Add(db);
        cmd.Options.Add(json);
        cmd.SetAction(async (parse, ct) => await WithRuntimeAsync(parse.GetValue(db), async rt =>
        {
            // The same 90-day figures as the API's token list (TokenInsights over the stored NAV rows): return_90d is the
            // NAV change over 90 days; the optimizer's annualised mean return is named as such.
            var universe = await rt.UniverseAsync(null, ct);
            var rows = new List<TokenListRow>();
            foreach (var t in rt.Ledger.ListTokens())
            {
                var stored = await TokenInsights.LoadAsync(rt.NavStore, t.Token.Symbol, full: true, ct);
                var summary = TokenInsights.Summarise(t, stored, rt.RiskFree);
                universe.Tokens.TryGetValue(t.Token.Symbol, out var m);
                var breaker = await rt.Nav.BreakerStateAsync(t.Token.Symbol, stored.Rows, ct);
                var proving = t.Token.Status == TokenStatus.Proving && stored.Rows.Count > 0
                    ? rt.Nav.EvaluateProving([.. stored.Rows.Select(r => (r.Date, r.Nav))], t.Token.InceptionDate, stored.Rows[^1].Date, breaker?.Limit).Reason
                    : null;
                rows.Add(new TokenListRow(t.Token.Symbol, t.Token.Status.ToString().ToLowerInvariant(), t.NavPerShare.Value, t.Supply.Value, t.HolderCount,
                    stored.Strategy ?? t.Token.StrategyId, t.Token.InceptionDate, summary.NavDate, summary.Drawdown, summary.Return90d, m?.MeanReturnAnnualised,
                    summary.Volatility90d, summary.Sharpe90d, summary.MaxDrawdown90d, summary.RiskFree, summary.RiskFreeRate90d, proving,
                    breaker is null ? null : TokenBreakerInfoResponse.From(breaker)));
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(rows);
                return 0;
            }

            // Narrow terminals keep symbol, status, NAV and the 90-day change in the grid; the rest stack under each row.
            var table = new CliTable().Text("symbol").Text("status").Text("strategy", priority: 4).Number("NAV").Number("supply", priority: 3).Number("holders", priority: 6)
                .Text("NAV date", priority: 7).Number("90d change").Number("90d mean return (annualised)", priority: 8).Number("90d vol", priority: 5)
                .Number("90d Sharpe", priority: 2).Number("90d MDD", priority: 3).Text("breaker (drawdown / limit)", priority: 1).Text("breaker state", priority: 1);
            foreach (var r in rows)
            {
                table.Row(r.Symbol, r.Status, r.Strategy, Inv($"{r.Nav:0.0000}"), Inv($"{r.Supply:N2}"), Inv($"{r.Holders}"), r.NavDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",
                    Pct(r.Return90d), Pct(r.MeanReturnAnnualised90d), Pct(r.Volatility90d), r.Sharpe90d is { } s ? Inv($"{s:0.00}") : "—", Pct(r.MaxDrawdown90d),
                    r.Breaker is { } b ? Inv($"{Pct(b.Drawdown)} / {Pct(b.Limit)} ({b.Source})") : "-",
                    r.Breaker is { } bs ? bs.State + (bs.TrippedAt is { } at ? Inv($" since {at:yyyy-MM-dd}") : "") : "-");
            }

            table.Write();
            var rate = rows.FirstOrDefault(r => r.RiskFreeRate90d is not null);
            CliOutput.WriteWrapped(Console.Out, Inv($"Sharpe over {rt.RiskFree.Name}{(rate is null ? "" : Inv($" ({rate.RiskFreeRate90d:P2} a year over the window)"))}; — = undefined (under 90 returns, or volatility of excess returns below 0.5% a year)."));
            foreach (var r in rows.Where(r => r.ProvingReason is not null))
            {
                CliOutput.WriteWrapped(Console.Out, $"{r.Symbol}: {r.ProvingReason}", 0, 2);
            }

            foreach (var r in rows.Where(r => r.Breaker is not null))
            {
                CliOutput.WriteWrapped(Console.Out, $"{r.Symbol}: {r.Breaker!.Description}" + (r.Breaker.Review is { } review ? $"; {review}" : ""), 0, 2);
            }
            return 0;
        }, ct));

        cmd.Subcommands.Add(IssueCommand());
        cmd.Subcommands.Add(TokenStatusCommand("activate", "Activate a token (from proving this is an audited admin override of the proving gates)"));
        cmd.Subcommands.Add(TokenStatusCommand("pause", "Pause an active token: buys close until an admin resumes it"));
        cmd.Subcommands.Add(TokenStatusCommand("resume", "Resume a paused token (buys reopen; the breaker measures from the resume date)"));
        cmd.Subcommands.Add(TokenStatusCommand("hold", "Keep a paused token paused: the breaker's automatic review stops until an admin resumes it"));
        cmd.Subcommands.Add(TokenStatusCommand("retire", "Retire a token: no more buys or NAV steps; every holder is settled at NAV"));
        return cmd;
    }

    private static Command IssueCommand()
    {
        var db = CliDatabase.Option();
        var strategy = new Option<string>("--strategy") { Description = "Library strategy name (see `arena strategies`)", Required = true };
        var symbol = new Option<string>("--symbol") { Description = "Token symbol", Required = true };
        var from = new Option<string?>("--from") { Description = "Inception date (first NAV, yyyy-MM-dd; default the last date of the data; not before its assets' first liquid trading day, `arena inceptions`)" };
        var set = new Option<string[]>("--set") { Description = "Strategy parameter key=value (repeatable)", AllowMultipleArgumentsPerToken = true };
        var hurdle = new Option<string>("--hurdle") { Description = "Performance fee hurdle: none, or tbill (only the gain above the high-water mark grown at the T-bill rate is charged)", DefaultValueFactory = _ => "none" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var cmd = new Command("issue", "Issue a proving token backed by a library strategy; its backtest is stored with it");
        foreach (var o in new Option[] { db, strategy, symbol, from, set, hurdle, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) => await WithRuntimeAsync(parse.GetValue(db), async rt =>
        {
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var kv in parse.GetValue(set) ?? [])
            {
                var i = kv.IndexOf('=', StringComparison.Ordinal);
                if (i <= 0)
                {
                    throw new CliException($"--set {kv}: expected key=value");
                }

                parameters[kv[..i]] = kv[(i + 1)..];
            }

            var h = FeeSchedule.ParseHurdle(parse.GetValue(hurdle)) ?? throw new CliException($"--hurdle {parse.GetValue(hurdle)}: expected none or tbill");
            var issue = await rt.Tokens.IssueAsync(PlatformCli.Operator, new TokenIssueOrder(parse.GetValue(strategy)!, parse.GetValue(symbol)!, parameters, ParseDate(parse.GetValue(from), "--from"), null, null, h), ct);
            if (parse.GetValue(json))
            {
                CliJson.Write(issue);
            }
            else
            {
                Console.WriteLine(Inv($"issued {issue.Symbol} (proving) backed by {issue.Strategy}, inception {issue.Inception:yyyy-MM-dd}, NAV {issue.InitialNav:0.00}, performance hurdle {FeeSchedule.HurdleName(h)}") +
                    (issue.BacktestFrom is { } bf ? Inv($"; backtest {bf:yyyy-MM-dd}..{issue.BacktestTo:yyyy-MM-dd}: return {issue.BacktestTotalReturn:P1}, Sharpe {(issue.BacktestSharpe is { } bs ? Inv($"{bs:0.00}") : "—")}, max drawdown {issue.BacktestMaxDrawdown:P1}") : "; no backtest (no history before inception)"));
            }

            return 0;
        }, ct));
        return cmd;
    }

    private static Command TokenStatusCommand(string verb, string description)
    {
        var db = CliDatabase.Option();
        var symbol = new Argument<string>("symbol") { Description = "Token symbol" };
        var reason = new Option<string>("--reason") { Description = "Why (recorded with the change)", Required = true };
        var actor = new Option<string>("--by") { Description = "Who (recorded)", DefaultValueFactory = _ => "operator" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var cmd = new Command(verb, description);
        cmd.Arguments.Add(symbol);
        foreach (var o in new Option[] { db, reason, actor, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) => await WithRuntimeAsync(parse.GetValue(db), async rt =>
        {
            var sym = parse.GetValue(symbol)!;
            var action = verb switch
            {
                "activate" => TokenLifecycleAction.Activate,
                "pause" => TokenLifecycleAction.Pause,
                "resume" => TokenLifecycleAction.Resume,
                "hold" => TokenLifecycleAction.Hold,
                _ => TokenLifecycleAction.Retire,
            };

            // The API's admin endpoints call the same use case: the same checks and the same audit record.
            var changed = await rt.Tokens.ChangeStatusAsync(CliCaller.OperatorNamed(parse.GetValue(actor)!), new TokenStatusChange(sym, action, parse.GetValue(reason)!), ct);
            object output = action == TokenLifecycleAction.Retire
                ? new { lifecycle = changed.Event, settled_holders = changed.Settlements.Count, paid_out = changed.Settlements.Sum(s => s.Cash.Amount) }
                : changed.Event;
            if (parse.GetValue(json))
            {
                CliJson.Write(output);
            }
            else
            {
                Console.WriteLine($"{sym}: {verb} done");
            }

            return 0;
        }, ct));
        return cmd;
    }

    private static Command NavCommand()
    {
        var db = CliDatabase.Option();
        var from = new Option<string?>("--from") { Description = "First date to process (default: the day after each token's last NAV); catch-up never leaves a gap" };
        var to = new Option<string?>("--to") { Description = "Last date to process (yyyy-MM-dd; default and at most: the platform date, the last day with complete market data)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var cmd = new Command("nav", "Run the daily NAV step (market data → strategy → paper fills → fees → NAV → history → lifecycle gates) up to --to, idempotently");
        foreach (var o in new Option[] { db, from, to, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) => await WithRuntimeAsync(parse.GetValue(db), async rt =>
        {
            // NAV steps never pass the platform date: a later --to stops there (and says so), so no NAV, fee or period
            // close is dated on a day without prices for every asset.
            var platform = rt.NavSteps.PlatformDate;
            var end = ParseDate(parse.GetValue(to), "--to") ?? platform;
            if (end > platform)
            {
                await Console.Error.WriteLineAsync(Inv($"--to {end:yyyy-MM-dd} is after the platform date {platform:yyyy-MM-dd} ({rt.Clock.Mode}: the last day with complete market data); stepping to {platform:yyyy-MM-dd}"));
            }

            if (ParseDate(parse.GetValue(from), "--from") is { } start && start > (end > platform ? platform : end))
            {
                throw new CliException("--from must not be after --to");
            }

            var report = (await rt.NavSteps.StepAsync(PlatformCli.Operator, end, ct)).Report;
            if (parse.GetValue(json))
            {
                CliJson.Write(report);
                return 0;
            }

            Console.WriteLine(Inv($"NAV up to {report.To:yyyy-MM-dd}: {report.RowsWritten} rows written"));
            foreach (var t in report.Tokens)
            {
                Console.WriteLine(Inv($"  {t.Symbol,-8} {t.Status,-8} NAV {t.Nav:0.0000} on {t.LastDate:yyyy-MM-dd} (+{t.RowsWritten} rows){(t.Note is null ? "" : " — " + t.Note)}"));
                foreach (var e in t.Events)
                {
                    Console.WriteLine(Inv($"           {e.Date:yyyy-MM-dd} {e.From} → {e.To}: {FreeText.ForDisplay(e.Reason)}"));
                }
            }

            return 0;
        }, ct));
        return cmd;
    }

    private static Command WalletCommand()
    {
        var wallet = new Command("wallet", "Optimizer-managed wallets: create, list, suggest, HYBRID proposals (also `arena wallets`)");
        wallet.Aliases.Add("wallets");
        wallet.Subcommands.Add(WalletCreateCommand());
        wallet.Subcommands.Add(WalletListCommand());
        wallet.Subcommands.Add(WalletSuggestCommand());
        wallet.Subcommands.Add(ProposalsCommand());
        wallet.Subcommands.Add(DecideCommand(true));
        wallet.Subcommands.Add(DecideCommand(false));
        wallet.Subcommands.Add(WalletActivityCommand());
        wallet.Subcommands.Add(WalletModeCommand());
        wallet.Subcommands.Add(WalletCashCommand(deposit: true));
        wallet.Subcommands.Add(WalletCashCommand(deposit: false));
        wallet.Subcommands.Add(WalletTradeCommand(OrderSide.Buy));
        wallet.Subcommands.Add(WalletTradeCommand(OrderSide.Sell));
        return wallet;
    }

    private static Command WalletCreateCommand()
    {
        var db = CliDatabase.Option();
        var org = new Option<string>("--org") { Description = "Organisation name (or id)", Required = true };
        var mode = new Option<string>("--mode") { Description = "FULL_AI | HYBRID | MANUAL", Required = true };
        var risk = new Option<string>("--risk") { Description = "CONSERVATIVE | MODERATE | AGGRESSIVE", Required = true };
        var deposit = new Option<decimal?>("--deposit") { Description = "Initial USD deposit" };
        var name = new Option<string?>("--name") { Description = "The wallet's name (\"Building fund\"; one line, at most 200 characters)" };
        var json = new Option<bool>("--json") { Description = "Print {\"address\": …}" };
        var cmd = new Command("create", "Create a wallet for an organisation (its plan must allow the mode); prints the address");
        foreach (var o in new Option[] { db, org, mode, risk, deposit, name, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            var m = ParseMode(parse.GetValue(mode)!);
            var r = ParseRisk(parse.GetValue(risk)!);
            return await WithRuntimeAsync(parse.GetValue(db), async rt =>
            {
                var address = await rt.CreateWalletAsync(PlatformCli.Operator, parse.GetValue(org)!, parse.GetValue(name), m, r, parse.GetValue(deposit), ct);
                if (parse.GetValue(json))
                {
                    CliJson.Write(new { address });
                }
                else
                {
                    Console.WriteLine(address);
                }

                return 0;
            }, ct);
        });
        return cmd;
    }

    /// <summary><c>arena wallet list</c> (or <c>arena wallets list</c>): the wallets the caller may read, with their names, organisations and values.</summary>
    private static Command WalletListCommand()
    {
        var db = CliDatabase.ExistingOption();
        var org = new Option<string?>("--org") { Description = "Only this organisation's wallets (name or id)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var cmd = new Command("list", "List wallets: address, name, organisation, mode, risk, value (USD)");
        foreach (var o in new Option[] { db, org, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) => await WithRuntimeAsync(parse.GetValue(db), async rt =>
        {
            var caller = CliCaller.Current;
            var organisations = (await rt.Identity.ListOrganisationsAsync(ct)).ToDictionary(o => o.Id.ToString(), StringComparer.OrdinalIgnoreCase);
            string? only = null;
            if (parse.GetValue(org) is { Length: > 0 } wanted)
            {
                only = organisations.Values.FirstOrDefault(o => string.Equals(o.Name, wanted, StringComparison.Ordinal) || string.Equals(o.Id.ToString(), wanted, StringComparison.OrdinalIgnoreCase))?.Id.ToString()
                    ?? throw new CliException($"--org {wanted}: no such organisation");
            }

            var rows = rt.Ledger.ListWallets()
                .Where(w => (only is null || string.Equals(w.Organisation, only, StringComparison.OrdinalIgnoreCase)) && Guid.TryParse(w.Organisation, out var id) && caller.CanRead(id))
                .Select(w => new
                {
                    address = w.Address,
                    name = w.Name,
                    organisation = organisations.GetValueOrDefault(w.Organisation)?.Name,
                    organisation_id = w.Organisation,
                    mode = w.Mode,
                    risk_tolerance = w.Risk,
                    value = rt.Ledger.GetWallet(w.Address) is { } view ? WalletValuation.Of(view, s => rt.Ledger.GetToken(s)?.NavPerShare) : 0m,
                    created_at = w.CreatedAt,
                })
                .ToList();
            if (parse.GetValue(json))
            {
                CliJson.Write(rows);
                return 0;
            }

            foreach (var w in rows)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{w.address}  {FreeText.ForDisplay(w.name ?? "(unnamed)")}  {FreeText.ForDisplay(w.organisation ?? w.organisation_id)}  {PlanPolicy.ModeName(w.mode)} {w.risk_tolerance.ToString().ToUpperInvariant()}  {w.value:N2} USD"));
            }

            return 0;
        }, ct));
        return cmd;
    }

    private static Command WalletSuggestCommand()
    {
        var db = CliDatabase.Option();
        var address = new Option<string>("--wallet") { Description = "Wallet address", Required = true };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var cmd = new Command("suggest", "The optimizer's recommendation for a wallet (targets, orders, expectations before/after, reasoning), recorded in its history; executes nothing");
        foreach (var o in new Option[] { db, address, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) => await WithRuntimeAsync(parse.GetValue(db), async rt =>
        {
            var rebalancer = await rt.RebalancerAsync(null, ct);
            var result = await rebalancer.SuggestAsync(parse.GetValue(address)!, record: true, ct);
            var rec = result.Recommendation!;
            var dto = new SuggestionDto(result.Address, result.Mode, rec.AsOf, rec.CurrentWeights, rec.TargetWeights, rec.Orders, rec.Before, rec.After,
                rec.Drift, rec.EstimatedCost, rec.ExpectedBenefit, rec.Due, rec.Worthwhile, result.Reason, rec.Limits, rec.ExpectedVolatility,
                rec.TargetVolatileShare, rec.Objective, rec.ExpectedReturnsMethod);
            if (parse.GetValue(json))
            {
                CliJson.Write(dto);
                return 0;
            }

            CliOutput.WriteWrapped(Console.Out, Inv($"Suggestion for {CliOutput.ShortAddress(result.Address)} ({result.Mode}) as of {rec.AsOf:yyyy-MM-dd}: drift {rec.Drift:P1}, estimated cost ${rec.EstimatedCost:N2}, expected benefit ${rec.ExpectedBenefit:N2}"), 0, 2);
            PrintWeights(rec.CurrentWeights, rec.TargetWeights);
            PrintOrders(rec.Orders);
            CliOutput.WriteWrapped(Console.Out, result.Reason);
            return 0;
        }, ct));
        return cmd;
    }

    private static Command ProposalsCommand()
    {
        var db = CliDatabase.ExistingOption();
        var address = new Option<string?>("--wallet") { Description = "Only this wallet" };
        var all = new Option<bool>("--all") { Description = "Every status, not only pending" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var cmd = new Command("proposals", "HYBRID proposals (pending by default): id, wallet, status, dates, orders and reasoning");
        foreach (var o in new Option[] { db, address, all, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) => await WithRuntimeAsync(parse.GetValue(db), async rt =>
        {
            var rebalancer = await rt.RebalancerAsync(null, ct);
            await rebalancer.ExpireProposalsAsync(ct);
            var proposals = await rt.Allocations.ProposalsAsync(parse.GetValue(address), parse.GetValue(all) ? null : ProposalStatus.Pending, ct);
            if (parse.GetValue(json))
            {
                CliJson.Write(proposals);
                return 0;
            }

            var table = new CliTable().Text("id").Address("wallet").Text("status").Text("as of", priority: 2).Text("expires", priority: 1).Number("orders", priority: 3);
            foreach (var p in proposals)
            {
                table.Row(p.Id.ToString(), p.WalletAddress, p.Status.ToString().ToLowerInvariant(), Inv($"{p.AsOf:yyyy-MM-dd}"), Inv($"{p.ExpiresAt:yyyy-MM-dd HH:mm}Z"), Inv($"{p.Orders.Count}"));
            }

            table.Write();
            foreach (var p in proposals)
            {
                CliOutput.WriteWrapped(Console.Out, Inv($"{p.Id}: {FreeText.ForDisplay(p.Reasoning)}"), 0, 2);
                PrintOrders(p.Orders);
            }

            CliOutput.WriteWrapped(Console.Out, Inv($"{proposals.Count} proposals (`arena wallet approve|reject --proposal ID --by NAME` decides one; --json for every field)"));
            return 0;
        }, ct));
        return cmd;
    }

    private static Command DecideCommand(bool approve)
    {
        var db = CliDatabase.Option();
        var id = new Option<Guid>("--proposal") { Description = "Proposal id", Required = true };
        var by = new Option<string>("--by") { Description = "The treasurer deciding", Required = true };
        var note = new Option<string?>("--note") { Description = "A note kept with the decision" };
        var cmd = new Command(approve ? "approve" : "reject", approve
            ? "Approve a pending HYBRID proposal: its orders execute through compliance and the ledger (refused if expired or NAVs moved too far)"
            : "Reject a pending HYBRID proposal");
        foreach (var o in new Option[] { db, id, by, note })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) => await WithRuntimeAsync(parse.GetValue(db), async rt =>
        {
            // The API's approve/reject call the same use case: the same checks and the same audit record.
            var result = await rt.Proposals.DecideAsync(CliCaller.OperatorNamed(parse.GetValue(by)!), new ProposalDecision(parse.GetValue(id), approve, parse.GetValue(note)), ct);
            if (result.Pending is { } pending)
            {
                CliJson.Write(ApprovalResponse.From(pending));
                return 0;
            }

            CliJson.Write(RunDto.From(result));
            return 0;
        }, ct));
        return cmd;
    }

    private static Command RebalanceCommand()
    {
        var db = CliDatabase.Option();
        var address = new Option<string?>("--wallet") { Description = "One wallet" };
        var all = new Option<bool>("--all") { Description = "Every wallet" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Decide and report; execute, propose and store nothing" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var cmd = new Command("rebalance", "Run the optimizer for wallets: FULL_AI executes (after advisor and guardrails), HYBRID proposes, MANUAL never acts");
        foreach (var o in new Option[] { db, address, all, dryRun, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            var one = parse.GetValue(address);
            var every = parse.GetValue(all);
            if ((one is null) == !every)
            {
                throw new CliException("give exactly one of --wallet ADDR or --all");
            }

            return await WithRuntimeAsync(parse.GetValue(db), async rt =>
            {
                var rebalancer = await rt.RebalancerAsync(null, ct);
                await rebalancer.ExpireProposalsAsync(ct);
                await rt.HoldDecisions.ExpireAsync(PlatformCli.Operator, ct);
                var wallets = one is null ? null : new[] { one };
                var asJson = parse.GetValue(json);
                IReadOnlyList<WalletRunResult> results;
                if (every && !asJson && !Console.IsOutputRedirected)
                {
                    var total = rt.Ledger.ListWallets().Count;
                    results = await AnsiConsole.Progress().StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask("rebalance", maxValue: Math.Max(1, total));
                        return await rebalancer.RebalanceAsync(wallets, parse.GetValue(dryRun), done => task.Value = done, ct);
                    });
                }
                else
                {
                    results = await rebalancer.RebalanceAsync(wallets, parse.GetValue(dryRun), null, ct);
                }

                if (asJson)
                {
                    CliJson.Write(results.Select(RunDto.From).ToList());
                    return 0;
                }

                foreach (var r in results)
                {
                    CliOutput.WriteWrapped(Console.Out, $"{CliOutput.ShortAddress(r.Address)} {r.Mode} {r.Action}: {r.Reason}", 0, 2);
                }

                CliOutput.WriteWrapped(Console.Out, Inv($"{results.Count} wallets: {results.Count(r => r.Action == "executed")} executed, {results.Count(r => r.Action == "proposed")} proposed, {results.Count(r => r.Action == "held")} held for review as one plan, {results.Count(r => r.Action == "none")} none"));
                return 0;
            }, ct);
        });
        return cmd;
    }

    private static WalletMode ParseMode(string text) => text.Trim().ToUpperInvariant() switch
    {
        "FULL_AI" or "FULLAI" => WalletMode.FullAi,
        "HYBRID" => WalletMode.Hybrid,
        "MANUAL" => WalletMode.Manual,
        var other => throw new CliException($"--mode {other}: expected FULL_AI, HYBRID or MANUAL"),
    };

    private static RiskTolerance ParseRisk(string text) => text.Trim().ToUpperInvariant() switch
    {
        "CONSERVATIVE" => RiskTolerance.Conservative,
        "MODERATE" => RiskTolerance.Moderate,
        "AGGRESSIVE" => RiskTolerance.Aggressive,
        var other => throw new CliException($"--risk {other}: expected CONSERVATIVE, MODERATE or AGGRESSIVE"),
    };

    /// <summary>The idempotency key of a CLI mutation: <c>--key</c> when given (a repeat returns the first result), else a new one.</summary>
    private static string CliKey(string? key, string verb) =>
        string.IsNullOrWhiteSpace(key) ? "cli:" + verb + ":" + Guid.NewGuid().ToString("N") : "cli:" + verb + ":" + key.Trim();

    private static Command WalletModeCommand()
    {
        var db = CliDatabase.Option();
        var address = new Option<string>("--wallet") { Description = "Wallet address", Required = true };
        var mode = new Option<string>("--mode") { Description = "FULL_AI | HYBRID | MANUAL", Required = true };
        var risk = new Option<string?>("--risk") { Description = "CONSERVATIVE | MODERATE | AGGRESSIVE (default: unchanged)" };
        var cmd = new Command("mode", "Change a wallet's mode (its organisation's plan must allow it) and optionally its risk tolerance; prints the wallet as JSON");
        foreach (var o in new Option[] { db, address, mode, risk })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            var m = ParseMode(parse.GetValue(mode)!);
            var r = parse.GetValue(risk) is { } text ? ParseRisk(text) : (RiskTolerance?)null;
            return await WithRuntimeAsync(parse.GetValue(db), async rt =>
            {
                var view = await rt.Wallets.ChangeModeAsync(PlatformCli.Operator, new WalletModeChange(parse.GetValue(address)!, m, r), ct);
                CliJson.Write(WalletResponse.From(view.Wallet));
                return 0;
            }, ct);
        });
        return cmd;
    }

    private static Command WalletCashCommand(bool deposit)
    {
        var db = CliDatabase.Option();
        var address = new Option<string>("--wallet") { Description = "Wallet address", Required = true };
        var amount = new Option<decimal>("--amount") { Description = "USD amount", Required = true };
        var key = new Option<string?>("--key") { Description = "Idempotency key (a repeat returns the first result and changes nothing)" };
        var verb = deposit ? "deposit" : "withdraw";
        var cmd = new Command(verb, deposit ? "Deposit USD into a wallet; prints the result as JSON" : "Withdraw USD from a wallet (refused beyond its cash); prints the result as JSON");
        foreach (var o in new Option[] { db, address, amount, key })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) => await WithRuntimeAsync(parse.GetValue(db), async rt =>
        {
            var movement = new CashMovement(parse.GetValue(address)!, parse.GetValue(amount), CliKey(parse.GetValue(key), verb));
            var result = deposit
                ? await rt.Wallets.DepositAsync(PlatformCli.Operator, movement, ct)
                : await rt.Wallets.WithdrawAsync(PlatformCli.Operator, movement, ct);
            var view = rt.Wallets.Find(PlatformCli.Operator, movement.Address);
            CliJson.Write(new CashResponse(view.Wallet.Address, result.Cash.Amount, view.Cash.Amount, result.OperationId, result.Repeated));
            return 0;
        }, ct));
        return cmd;
    }

    private static Command WalletTradeCommand(OrderSide side)
    {
        var db = CliDatabase.Option();
        var address = new Option<string>("--wallet") { Description = "Wallet address", Required = true };
        var symbol = new Option<string>("--symbol") { Description = "Token symbol", Required = true };
        var amount = new Option<decimal>(side == OrderSide.Buy ? "--amount" : "--shares") { Description = side == OrderSide.Buy ? "USD to spend, fee included" : "Shares to redeem", Required = true };
        var key = new Option<string?>("--key") { Description = "Idempotency key (a repeat returns the first result and changes nothing)" };
        var verb = side == OrderSide.Buy ? "buy" : "sell";
        var cmd = new Command(verb, (side == OrderSide.Buy ? "Buy a token for a wallet" : "Sell a wallet's shares of a token")
            + " through the plan's limits and the compliance gate, as the operator; prints the trade as JSON (a held trade exits 3)");
        foreach (var o in new Option[] { db, address, symbol, amount, key })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) => await WithRuntimeAsync(parse.GetValue(db), async rt =>
        {
            var order = new TradeOrder(PlatformCli.Operator, parse.GetValue(address)!, parse.GetValue(symbol)!.Trim().ToUpperInvariant(), side, parse.GetValue(amount), CliKey(parse.GetValue(key), verb), TradeSource.Api);
            switch (await rt.Trades.ExecuteAsync(order, ct))
            {
                case TradeOutcome.Executed e:
                    CliJson.Write(TradeResponse.From(e.Result));
                    return 0;
                case TradeOutcome.Held h:
                    CliJson.Write(new HeldTradeResponse("held", h.Trade.Id, h.Trade.Reasons));
                    return 3;
                case TradeOutcome.AwaitingApproval a:
                    // Above the dual-control threshold: awaits a second member (`arena approvals approve`), as the API's 202.
                    CliJson.Write(ApprovalResponse.From(a.Approval));
                    return 0;
                case TradeOutcome.Refused r:
                    throw new CliException(r.Message, r.Outcome);
                default:
                    throw new InvalidOperationException("unknown trade outcome");
            }
        }, ct));
        return cmd;
    }

    private static async Task<int> WithRuntimeAsync(string? db, Func<TokensRuntime, Task<int>> body, CancellationToken ct)
    {
        await using var host = await CliHost.OpenAsync(db, ct);
        try
        {
            return await body(host.Tokens);
        }
        catch (DomainException ex)
        {
            throw new CliException(ex);
        }
    }

    private static DateOnly? ParseDate(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new CliException($"{option} {text}: expected a date yyyy-MM-dd");
    }

    private static void PrintWeights(IReadOnlyDictionary<string, decimal> current, IReadOnlyDictionary<string, decimal> target)
    {
        var table = new CliTable().Text("token").Number("current").Number("target");
        foreach (var s in current.Keys.Union(target.Keys).Order(StringComparer.Ordinal))
        {
            table.Row(s, Pct(current.GetValueOrDefault(s)), Pct(target.GetValueOrDefault(s)));
        }

        table.Row("cash", Pct(1m - current.Values.Sum()), Pct(1m - target.Values.Sum()));
        table.Write();
    }

    private static void PrintOrders(IReadOnlyList<RebalanceOrder> orders)
    {
        foreach (var o in orders)
        {
            CliOutput.WriteWrapped(Console.Out, o.Side == OrderSide.Sell
                ? Inv($"  sell {o.Shares:0.########} {o.Symbol} ≈ ${o.Amount:N2} (fee ≈ ${o.EstimatedFee:N2}) at NAV {o.QuotedNav:0.####}")
                : Inv($"  buy  ${o.Amount:N2} of {o.Symbol} (fee ≈ ${o.EstimatedFee:N2}) at NAV {o.QuotedNav:0.####}"), 0, 4);
        }
    }

    private static string Pct(decimal? v) => v is { } x ? x.ToString("P1", CultureInfo.InvariantCulture) : "-";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed record TokenListRow(
        string Symbol,
        string Status,
        decimal Nav,
        decimal Supply,
        int Holders,
        string Strategy,
        DateOnly Inception,
        DateOnly? NavDate,
        decimal? Drawdown,
        [property: JsonPropertyName("return_90d")] decimal? Return90d,
        [property: JsonPropertyName("mean_return_annualised_90d")] decimal? MeanReturnAnnualised90d,
        [property: JsonPropertyName("volatility_90d")] decimal? Volatility90d,
        [property: JsonPropertyName("sharpe_90d")] decimal? Sharpe90d,
        [property: JsonPropertyName("max_drawdown_90d")] decimal? MaxDrawdown90d,
        [property: JsonPropertyName("risk_free")] string? RiskFree,
        [property: JsonPropertyName("risk_free_rate_90d")] decimal? RiskFreeRate90d,
        string? ProvingReason,
        TokenBreakerInfoResponse? Breaker);

    private sealed record SuggestionDto(
        string Address,
        string Mode,
        DateOnly AsOf,
        IReadOnlyDictionary<string, decimal> CurrentWeights,
        IReadOnlyDictionary<string, decimal> TargetWeights,
        IReadOnlyList<RebalanceOrder> Orders,
        PortfolioExpectation ExpectedBefore,
        PortfolioExpectation ExpectedAfter,
        decimal Drift,
        decimal EstimatedCost,
        decimal ExpectedBenefit,
        bool Due,
        bool Worthwhile,
        string Reason,
        RiskLimits RiskLimits,
        decimal ExpectedVolatility,
        decimal VolatileShare,
        string Objective,
        string ExpectedReturnsMethod);

    private sealed record RunDto(
        string Address,
        string Mode,
        string Action,
        IReadOnlyDictionary<string, decimal> TargetWeights,
        IReadOnlyList<RebalanceOrder> Orders,
        IReadOnlyList<OrderExecution> Executions,
        Guid? ProposalId,
        string Reason)
    {
        public static RunDto From(WalletRunResult r) => new(r.Address, r.Mode, r.Action, r.TargetWeights, r.Orders, r.Executions, r.ProposalId, r.Reason);
    }
}
