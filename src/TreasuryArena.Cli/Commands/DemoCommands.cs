using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using TreasuryArena.Cli.Commands.Demo;
using TreasuryArena.Cli.Commands.Treasury;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Strategies;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Core.Wallets.Proposals;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Cli;

/// <summary>
/// <c>arena demo [--reset] [--db PATH|URL|CONNSTRING] [--keys-file FILE] [--json]</c>: the whole platform on the shipped
/// history, through the same use cases the API, jobs and admin verbs call — nothing here computes a number of its own.
/// On SQLite it refuses an existing file unless <c>--reset</c> (which deletes it); on PostgreSQL it refuses a database
/// that already holds the arena's tables unless <c>--reset</c> (which drops those tables only, <see cref="ArenaTables"/>).
/// </summary>
internal static partial class CliCommands
{
    static partial void AddDemo(RootCommand root)
    {
        var db = new Option<string?>("--db") { Description = "Database for the demo: a SQLite file (default ./data/arena.db), or a PostgreSQL postgres:// URL or Host=… connection string" };
        var reset = new Option<bool>("--reset") { Description = "Rebuild over an existing demo: delete the SQLite file, or drop the arena's own tables in PostgreSQL (never other tables); and its keys file" };
        var keysFile = new Option<string?>("--keys-file") { Description = "Where to write the demo's sign-in keys (default: beside a SQLite database, NAME-demo-keys.json; for PostgreSQL ./data/postgres-DATABASE-demo-keys.json)" };
        var weeks = new Option<int>("--weeks") { Description = "Weeks of day-by-day replay after the proving period", DefaultValueFactory = _ => 20 };
        var to = new Option<string?>("--to") { Description = "Last replayed date, yyyy-MM-dd (default: the last date with both BTC and ETH prices)" };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON" };
        var cmd = new Command("demo", "Build a demo platform on the shipped history: backtests, tokens, NAV replay, a verified church with wallets in every mode, optimizer and advisor runs");
        foreach (var o in new Option[] { db, reset, keysFile, weeks, to, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            var target = DemoTarget.Resolve(parse.GetValue(db), parse.GetValue(keysFile));
            var n = parse.GetValue(weeks);
            if (n is < 1 or > 104)
            {
                throw new CliException("--weeks must be between 1 and 104");
            }

            DateOnly? end = null;
            if (parse.GetValue(to) is { } text)
            {
                end = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d
                    : throw new CliException($"--to {text}: expected a date yyyy-MM-dd");
            }

            await target.PrepareAsync(parse.GetValue(reset), ct);
            var summary = await DemoRunAsync(target, n, end, !parse.GetValue(json) && !Console.IsOutputRedirected, ct);
            if (parse.GetValue(json))
            {
                CliJson.Write(summary);
            }
            else
            {
                DemoPrint(summary, target.ServeArguments);
            }

            return summary.LedgerOk ? 0 : 1;
        });
        root.Subcommands.Add(cmd);
    }

    /// <summary>The strategies the demo tokenises, with their symbols and parameters.</summary>
    private static readonly (string Strategy, string Symbol, Dictionary<string, string>? Parameters)[] DemoStrategies =
    [
        ("buy-and-hold", "HBTC", new() { ["asset"] = "BTC" }),
        ("buy-and-hold", "HETH", new() { ["asset"] = "ETH" }),
        ("treasury-60-40", "T6040", null),
        ("fixed-weight", "FIXW", null),
        ("ma-trend", "TRND", null),
        ("ma-crossover", "MACX", null),
        ("dual-momentum", "DMOM", null),
        ("risk-parity", "RPAR", null),
        ("vol-target", "VTGT", null),
        ("dca", "DCA", null),
        ("fear-greed-contrarian", "FGC", null),
        ("rsi-reversion", "RSIR", null),
    ];

    private static async Task<DemoSummary> DemoRunAsync(DemoTarget target, int weeks, DateOnly? to, bool interactive, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var history = BacktestCli.History(null);
        var end = to ?? history.LastCommonDate;
        if (end > history.LastCommonDate || end.AddDays(-7 * weeks - 400) < history.Eth.Dates[0])
        {
            throw new CliException($"--to {end:yyyy-MM-dd} is outside the shipped history (BTC and ETH prices up to {history.LastCommonDate:yyyy-MM-dd})");
        }

        var firstWeek = end.AddDays(-7 * (weeks - 1));
        // Thirteen weeks of proving before the replay: promotion needs a 90-day record with a defined Sharpe (RatioRules).
        var inception = firstWeek.AddDays(-91);
        if (history.Inceptions().Where(i => i.Date > inception).MaxBy(i => i.Date) is { } early)
        {
            throw new CliException($"the demo issues its tokens on {inception:yyyy-MM-dd}, before {early.Asset}'s inception, its first liquid trading day {early.Date:yyyy-MM-dd} ({early.Reason}): use a later --to or fewer --weeks");
        }

        var path = target.Database;
        var keys = new List<DemoKey>();
        const string church = "Grace Community Church";
        Caller treasurerCaller;
        Caller secondTreasurerCaller;

        // 1. The platform: an admin, a published risk disclosure, a verified and attested church, its members' keys.
        await using (var p = await PlatformCli.OpenAsync(path, ct))
        {
            var admin = await p.Identity.BootstrapAdminAsync("demo-admin", null, false, ct)
                ?? throw new CliException("an admin key already exists in this database");
            keys.Add(new DemoKey("admin", admin.MemberName, null, admin.Key));
            var op = PlatformCli.Operator;
            await p.Compliance.PublishDisclosureAsync(op, "2026-1", DemoText.Disclosure, ct);
            var org = await p.Identity.CreateOrganisationAsync(op, church, OrganisationType.Church, Plan.Premium, ct);
            await p.Compliance.VerifyAsync(op, org.Id, "church", "EIN 12-3456789 (demo)", "demo-reviewer", ct);
            var treasurer = await p.Identity.IssueKeyAsync(op, org.Id, "Pat Treasurer", Role.Treasurer, ct);
            var viewer = await p.Identity.IssueKeyAsync(op, org.Id, "Sam Trustee", Role.Viewer, ct);
            // A second treasurer: the two-person approval needs a different member of the organisation (issue 21).
            var second = await p.Identity.IssueKeyAsync(op, org.Id, "Chris Deacon", Role.Treasurer, ct);
            var signer = (await p.Identity.AuthenticateAsync(treasurer.Key, ct))!;
            await p.Compliance.AttestAsync(signer, org.Id, "2026-1", "Pat Treasurer", ct);
            treasurerCaller = signer;
            secondTreasurerCaller = (await p.Identity.AuthenticateAsync(second.Key, ct))!;
            keys.Add(new DemoKey("treasurer", treasurer.MemberName, church, treasurer.Key));
            keys.Add(new DemoKey("viewer", viewer.MemberName, church, viewer.Key));
            keys.Add(new DemoKey("treasurer", second.MemberName, church, second.Key));
        }

        await DemoKeys.WriteAsync(target.KeysFile, keys, ct);

        // The demo's business calendar follows the replay: deposits and wallet openings are dated on the replayed day
        // (the ledger's valuation dates), trades at their NAV's date, while instants stay the wall clock's.
        var businessDay = new ReplayBusinessClock(inception);
        await using var host = await CliHost.OpenAsync(path, ct, history, clock: businessDay);
        var rt = host.Tokens;

        // 2. Backtest and tokenise the library (each issue stores its backtest up to the inception date).
        var issues = new List<DemoTokenIssue>();
        await DemoProgressAsync(interactive, "Backtesting and issuing strategy tokens", DemoStrategies.Length, async tick =>
        {
            foreach (var (strategy, symbol, parameters) in DemoStrategies)
            {
                if (!StrategyLibrary.TryGet(strategy, out _))
                {
                    tick();
                    continue;
                }

                var issue = await rt.Tokens.IssueAsync(PlatformCli.Operator, new Core.Application.TokenIssueOrder(strategy, symbol, parameters, inception, null, null, Core.Fees.PerformanceHurdle.None), ct);
                issues.Add(new DemoTokenIssue(issue.Symbol, issue.Strategy, issue.BacktestTotalReturn, issue.BacktestSharpe, issue.BacktestMaxDrawdown));
                tick();
            }
        });

        // 3. Proving: daily NAV steps up to the replay; the quality gates promote what passes.
        // The replay clock moves first: a NAV step (the use case, audited nav.step) never passes the platform date.
        businessDay.AdvanceTo(firstWeek.AddDays(-1));
        await rt.NavSteps.StepAsync(PlatformCli.Operator, firstWeek.AddDays(-1), ct);

        // 4. The church's wallets: every mode, every risk tolerance.
        var wallets = new List<(string Address, WalletMode Mode, RiskTolerance Risk, decimal Deposit)>();
        foreach (var (mode, risk, deposit) in new[]
        {
            // Sized so that a 20% position stays under the $25,000 single-trade monitoring limit.
            (WalletMode.FullAi, RiskTolerance.Conservative, 120_000m),
            (WalletMode.FullAi, RiskTolerance.Moderate, 100_000m),
            (WalletMode.FullAi, RiskTolerance.Aggressive, 60_000m),
            (WalletMode.Hybrid, RiskTolerance.Moderate, 100_000m),
            (WalletMode.Manual, RiskTolerance.Conservative, 25_000m),
        })
        {
            wallets.Add((await rt.CreateWalletAsync(PlatformCli.Operator, church, mode, risk, deposit, ct), mode, risk, deposit));
        }

        var hybrid = wallets.Single(w => w.Mode == WalletMode.Hybrid).Address;

        // 5. Replay: weekly NAV catch-up (every day in between) and a rebalance run; approve the first HYBRID proposal,
        //    leave the latest pending for the treasurer to decide in the dashboard.
        var approved = 0;
        var executed = 0;
        await DemoProgressAsync(interactive, "Replaying NAV steps and rebalances", weeks, async tick =>
        {
            for (var date = firstWeek; date <= end; date = date.AddDays(7))
            {
                businessDay.AdvanceTo(date);
                await rt.NavSteps.StepAsync(PlatformCli.Operator, date, ct);
                var rebalancer = await rt.RebalancerAsync(date, ct);
                var results = await rebalancer.RebalanceAsync(null, false, null, ct);
                executed += results.Count(r => r.Action == "executed");
                await rt.HoldDecisions.ExpireAsync(PlatformCli.Operator, ct);
                if (approved == 0)
                {
                    // The treasurer approves the first proposal the week it is made; later ones wait (or go stale).
                    foreach (var p in await rt.Allocations.ProposalsAsync(hybrid, ProposalStatus.Pending, ct))
                    {
                        try
                        {
                            var r = await rebalancer.DecideProposalAsync(p.Id, true, "Pat Treasurer", null, ct);
                            approved += r.Action == "executed" ? 1 : 0;
                        }
                        catch (DomainException)
                        {
                            // Expired or voided by a NAV move: the rebalancer recorded why; the demo goes on.
                        }
                    }
                }

                tick();
            }
        });
        businessDay.AdvanceTo(end);
        await rt.NavSteps.StepAsync(PlatformCli.Operator, end, ct);
        var final = await (await rt.RebalancerAsync(end, ct)).RebalanceAsync([hybrid], false, null, ct);

        // 5b. The church's board adopts a sample IPS (docs/readme/13-policy.md): its benchmark, budget, reserve and review
        //     cadence. Its caps stay the platform's (no limit) so the dashboard's manual trades after the demo behave as before.
        var demoOrg = await rt.Identity.FindOrganisationByNameAsync(church, ct) ?? throw new CliException($"the demo organisation '{church}' is missing");
        var ips = (await rt.Policies.ProposeChangeAsync(PlatformCli.Operator, demoOrg.Id, Infrastructure.Policy.PolicyYamlReader.Parse(DemoText.Policy, "demo-ips.yaml"), ct)).Version
            ?? throw new CliException("the demo's IPS was queued for a second approval instead of being set by the operator");

        // 5c. The IPS at work, through the trade and approval use cases the API and the CLI call: the treasurer's manual buy
        //     of a token whose strategy the IPS excludes is refused (policy_breach naming the clause, audited trade.buy), and a
        //     sale above the board's dual-control threshold waits for a second treasurer, whose approval executes it.
        var refusal = await DemoPolicyBreachAsync(rt, ips.Policy, treasurerCaller, wallets.Single(w => w.Mode == WalletMode.Manual).Address, ct);
        var approval = await DemoTwoPersonApprovalAsync(rt, ips.Policy, treasurerCaller, secondTreasurerCaller, [.. wallets.Where(w => w.Mode == WalletMode.FullAi).Select(w => w.Address)], ct);

        // 6. The church's own treasury (issue 21), funded with the configured capital, and its daily analysis reviewed by the
        // advisor (rules offline; Claude when a key is configured).
        DemoDecision? treasury = null;
        await using (var services = await TreasuryServices.OpenAsync(path, ct, host))
        {
            await services.UseCases.CreateAsync(PlatformCli.Operator, church, services.Manager.Options.InitialCapital, ct);
            var advice = await services.UseCases.AdviseAsync(PlatformCli.Operator, church, end, ct);
            treasury = new DemoDecision("treasury", advice.Decision.Action.ToString(), advice.Decision.Advisor, advice.Decision.Confidence, advice.Decision.Reasoning);
        }

        // 6b. The board report for the last full quarter: the use case and renderer of `arena report board`, beside the keys file.
        var board = await DemoBoardReportAsync(host, demoOrg.Id, Path.GetDirectoryName(Path.GetFullPath(target.KeysFile))!, ct);

        // 7. The summary, read back from the ledger and the stores.
        var tokens = new List<DemoTokenRow>();
        foreach (var t in rt.Ledger.ListTokens())
        {
            var hist = await rt.NavStore.HistoryAsync(t.Token.Symbol, null, ct);
            var first = hist.Count > 0 ? hist[0].Nav : t.NavPerShare.Value;
            tokens.Add(new DemoTokenRow(t.Token.Symbol, t.Token.StrategyId, t.Token.Status.ToString().ToLowerInvariant(), t.NavPerShare.Value,
                first == 0 ? 0 : (t.NavPerShare.Value / first) - 1m, t.Supply.Value, t.HolderCount, issues.FirstOrDefault(i => i.Symbol == t.Token.Symbol)?.BacktestSharpe));
        }

        var walletRows = new List<DemoWalletRow>();
        var decisions = new List<DemoDecision>();
        foreach (var (address, mode, risk, deposit) in wallets)
        {
            var view = rt.Ledger.GetWallet(address)!;
            var value = WalletValuation.Of(view, s => rt.Ledger.GetToken(s)?.NavPerShare);
            walletRows.Add(new DemoWalletRow(address, DemoModeName(mode), risk.ToString().ToUpperInvariant(), deposit, value, value - deposit, view.Cash.Amount,
                view.Holdings.Where(h => !h.Shares.IsZero).Select(h => h.Symbol).ToList()));
            var last = await rt.Allocations.SnapshotsAsync(address, 1, ct);
            if (last.Count > 0)
            {
                decisions.Add(new DemoDecision(address, last[0].Action, "optimizer", null, last[0].Reasoning));
            }
        }

        if (treasury is not null)
        {
            decisions.Add(treasury);
        }

        var pending = (await rt.Allocations.ProposalsAsync(hybrid, ProposalStatus.Pending, ct)).Count;
        await rt.HoldDecisions.ExpireAsync(PlatformCli.Operator, ct);
        var holdsPending = (await rt.ComplianceStore.ListHoldsAsync(HoldStatus.Held, null, ct)).Count;
        var holdsSuperseded = (await rt.ComplianceStore.ListHoldsAsync(HoldStatus.Superseded, null, ct)).Count;
        var verification = await LedgerVerifier.VerifyAsync(rt.Database.CreateLedgerJournal(), ct);
        return new DemoSummary(target.Location.Display, target.KeysFile, inception, firstWeek, end, tokens, walletRows, decisions, keys,
            approved, pending + (final.Any(r => r.Action == "proposed") && pending == 0 ? 1 : 0), executed, holdsPending, holdsSuperseded, verification.Ok, verification.Entries,
            Math.Round(clock.Elapsed.TotalSeconds, 1))
        {
            Policy = new DemoPolicy(ips.Version, ips.Policy.DualControlThreshold, [.. ips.Policy.ExcludedStrategies], refusal, approval, board),
        };
    }

    /// <summary>
    /// A manual buy of $1,000 of the first active token whose strategy the IPS excludes, by the treasurer in the MANUAL
    /// wallet: <see cref="Core.Application.TradeUseCases"/> refuses it (<c>policy_breach</c> naming the clause) and audits it;
    /// nothing moves. Null when no token the IPS excludes is open for buys at the end of the replay.
    /// </summary>
    private static async Task<DemoRefusal?> DemoPolicyBreachAsync(Infrastructure.Storage.TokensRuntime rt, Core.Policy.InvestmentPolicy ips, Caller treasurer, string wallet, CancellationToken ct)
    {
        var token = rt.Ledger.ListTokens().Where(t => t.Token.Status == TokenStatus.Active && !ips.AllowsStrategy(t.Token.StrategyId))
            .OrderBy(t => t.Token.Symbol, StringComparer.Ordinal).FirstOrDefault();
        if (token is null)
        {
            return null;
        }

        const decimal amount = 1_000m;
        var outcome = await rt.Trades.ExecuteAsync(new TradeOrder(treasurer, wallet, token.Token.Symbol, OrderSide.Buy, amount, "demo:policy-breach", TradeSource.Api), ct);
        return outcome is TradeOutcome.Refused r
            ? new DemoRefusal(wallet, token.Token.Symbol, token.Token.StrategyId, amount, r.Outcome.Code(), r.Field, r.Message)
            : throw new CliException($"the demo's buy of {token.Token.Symbol} (strategy {token.Token.StrategyId}, excluded by the IPS) was not refused: {outcome.GetType().Name}");
    }

    /// <summary>
    /// A $12,000 trade by the treasurer in a FULL_AI wallet (above the IPS's $10,000 dual-control threshold, under the
    /// compliance gate's $25,000 single-trade hold): a buy of an active token the IPS allows where a wallet has the cash
    /// (a falling market leaves the optimizer in cash), else a sale from the largest holding. The trade use case stores it
    /// as awaiting a second approval; the second treasurer approves it through <see cref="Core.Application.ApprovalUseCases"/>,
    /// which executes it. Null when no FULL_AI wallet has the cash or a holding worth that much.
    /// </summary>
    private static async Task<DemoApproval?> DemoTwoPersonApprovalAsync(
        Infrastructure.Storage.TokensRuntime rt, Core.Policy.InvestmentPolicy ips, Caller first, Caller second, IReadOnlyList<string> wallets, CancellationToken ct)
    {
        const decimal usd = 12_000m;
        if (ips.DualControlThreshold is <= 0m or >= usd)
        {
            return null;
        }

        var views = wallets.Select(a => rt.Ledger.GetWallet(a)!).ToList();
        var rich = views.Where(v => v.Cash.Amount >= usd).MaxBy(v => v.Cash.Amount);
        var allowed = rt.Ledger.ListTokens().Where(t => t.Token.Status == TokenStatus.Active && ips.AllowsStrategy(t.Token.StrategyId))
            .OrderBy(t => t.Token.Symbol, StringComparer.Ordinal).FirstOrDefault();
        TradeOrder order;
        if (rich is not null && allowed is not null)
        {
            order = new TradeOrder(first, rich.Wallet.Address, allowed.Token.Symbol, OrderSide.Buy, usd, "demo:two-person-approval", TradeSource.Api);
        }
        else
        {
            var holdings = views.SelectMany(v => WalletValuation.Lines(v, s => rt.Ledger.GetToken(s)?.NavPerShare).Select(l => (v.Wallet.Address, Line: l)))
                .Where(x => x.Line.Value > usd).ToList();
            if (holdings.Count == 0)
            {
                return null;
            }

            var (address, line) = holdings.MaxBy(x => x.Line.Value);
            order = new TradeOrder(first, address, line.Holding.Symbol, OrderSide.Sell, RoundingPolicy.Down(usd / line.Nav.Value, Shares.Scale), "demo:two-person-approval", TradeSource.Api);
        }

        var requested = await rt.Trades.ExecuteAsync(order, ct);
        if (requested is not TradeOutcome.AwaitingApproval awaiting)
        {
            throw new CliException($"the demo's {order.Side.ToString().ToLowerInvariant()} of {order.Symbol} (about ${usd:N2}, above the ${ips.DualControlThreshold:N2} threshold) did not await a second approval: {requested}");
        }

        var decided = await rt.Approvals.ApproveAsync(second, awaiting.Approval.Id, ct);
        return new DemoApproval(awaiting.Approval.Id, awaiting.Approval.Summary, awaiting.Approval.StatusCode, first.MemberName, second.MemberName,
            decided.Approval.StatusCode, decided.Approval.Result ?? "");
    }

    /// <summary>The last full quarter's board report of the demo church (HTML, and a PDF when headless Chromium is there) in <paramref name="directory"/>.</summary>
    private static async Task<DemoBoardReport> DemoBoardReportAsync(CliServices host, Guid organisation, string directory, CancellationToken ct)
    {
        var reports = host.Get<Infrastructure.Reports.BoardReportUseCases>();
        var report = await reports.BoardAsync(PlatformCli.Operator, organisation, reports.LastFullQuarter().ToString(), ct);
        var html = Infrastructure.Reports.BoardReportHtml.Render(report);
        var name = string.Create(CultureInfo.InvariantCulture, $"board-{ReportFileName(report.Organisation)}-{report.Quarter}");
        var htmlPath = Path.Combine(directory, name + ".html");
        await ReportWriteFileAsync(htmlPath, html, ct);
        string? pdfPath = null;
        string? pdfNote = null;
        try
        {
            var bytes = await reports.PdfAsync(html, ct);
            pdfPath = Path.Combine(directory, name + ".pdf");
            await File.WriteAllBytesAsync(pdfPath, bytes, ct);
        }
        catch (DomainException ex) when (ex.Outcome == Outcome.PdfUnavailable)
        {
            pdfNote = ex.Message;
        }

        return new DemoBoardReport(report.Quarter.ToString(), htmlPath, pdfPath, pdfNote, report.Breaches.Count, report.Decisions.Count);
    }

    private static string DemoModeName(WalletMode mode) => mode switch
    {
        WalletMode.FullAi => "FULL_AI",
        WalletMode.Hybrid => "HYBRID",
        _ => "MANUAL",
    };

    private static async Task DemoProgressAsync(bool interactive, string title, int total, Func<Action, Task> work)
    {
        if (!interactive)
        {
            await Console.Error.WriteLineAsync($"demo: {title}…");
            await work(() => { });
            return;
        }

        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(title, maxValue: total);
                await work(() => task.Increment(1));
                task.Value = total;
            });
    }

    private static void DemoPrint(DemoSummary s, string serveArguments)
    {
        static string Inv(FormattableString f) => f.ToString(CultureInfo.InvariantCulture);
        var o = Console.Out;
        CliOutput.WriteWrapped(o, CliOutput.Bold("Treasury Arena demo") + Inv($" — proving from {s.Inception:yyyy-MM-dd}, replayed {s.ReplayFrom:yyyy-MM-dd} … {s.ReplayTo:yyyy-MM-dd} in {s.Seconds:0.0} s"));
        o.WriteLine();
        var tokens = new CliTable("Strategy tokens").Text("symbol").Text("strategy", priority: 2).Text("status").Number("NAV").Number("since inception")
            .Number("supply", priority: 1).Number("holders").Number("backtest Sharpe", priority: 3);
        foreach (var t in s.Tokens)
        {
            tokens.Row(t.Symbol, t.Strategy, t.Status, Inv($"{t.Nav:0.0000}"), Inv($"{t.ReturnSinceInception:P1}"), Inv($"{t.Supply:N2}"), Inv($"{t.Holders}"), t.BacktestSharpe is { } b ? Inv($"{b:0.00}") : "—");
        }

        tokens.Write(o);
        o.WriteLine();
        var wallets = new CliTable("Grace Community Church — wallets").Address("address").Text("mode").Text("risk", priority: 3).Number("deposited", priority: 2).Number("value")
            .Number("P&L").Number("cash", priority: 1).Text("tokens", priority: 4);
        foreach (var w in s.Wallets)
        {
            wallets.Row(w.Address, w.Mode, w.RiskTolerance, Inv($"{w.Deposited:N2}"), Inv($"{w.Value:N2}"), Inv($"{w.Pnl:+#,0.00;-#,0.00;0.00}"), Inv($"{w.Cash:N2}"), string.Join(' ', w.Tokens));
        }

        wallets.Write(o);
        CliOutput.WriteWrapped(o, "(addresses shortened; `arena demo --json` prints them in full)");
        o.WriteLine();
        o.WriteLine(CliOutput.Bold("Latest decisions"));
        foreach (var d in s.Decisions)
        {
            CliOutput.WriteWrapped(o, Inv($"  {CliOutput.Bold(CliOutput.ShortAddress(d.Subject))} ({d.Advisor}{(d.Confidence is { } c ? $", confidence {c}" : "")}): {d.Action} — {FreeText.ForDisplay(d.Reasoning)}"), 0, 4);
        }

        o.WriteLine();
        CliOutput.WriteWrapped(o, Inv($"HYBRID proposals approved: {s.ProposalsApproved}, pending for the treasurer: {s.ProposalsPending}; FULL_AI executions: {s.Executions}; compliance holds pending: {s.HoldsPending} (held plans superseded by a newer plan: {s.HoldsSuperseded})"));
        if (s.Policy is { } ips)
        {
            CliOutput.WriteWrapped(o, Inv($"Investment policy (IPS) v{ips.Version}: excludes {string.Join(", ", ips.ExcludedStrategies)}; trades above {ips.DualControlThreshold:N2} USD need two treasurers"));
            CliOutput.WriteWrapped(o, ips.Refusal is { } r
                ? Inv($"  Policy breach refused: buy {r.Symbol} for {r.Amount:N2} USD in {r.Wallet} -> {r.Code} ({r.Clause}): {r.Message}")
                : "  Policy breach: no token the IPS excludes is open for buys at the end of the replay, nothing to refuse");
            CliOutput.WriteWrapped(o, ips.Approval is { } a
                ? Inv($"  Two-person approval: {a.Summary} -> {a.Requested} (requested by {a.RequestedBy}) -> approved by {a.ApprovedBy} -> {a.Result}")
                : "  Two-person approval: no FULL_AI wallet has the cash or a holding for a trade above the threshold");
            CliOutput.WriteWrapped(o, ips.BoardReport.PdfPath is { } pdf
                ? $"  Board report {ips.BoardReport.Quarter}: {ips.BoardReport.HtmlPath} and {pdf}"
                : $"  Board report {ips.BoardReport.Quarter}: {ips.BoardReport.HtmlPath} (no PDF: {ips.BoardReport.PdfNote})");
        }

        CliOutput.WriteWrapped(o, Inv($"Ledger verify: {(s.LedgerOk ? "ok" : "FAILED")} ({s.LedgerEntries} entries, hash chain checked)"));
        o.WriteLine();
        CliOutput.WriteWrapped(o, "Demo sign-in keys (demo only; also in " + s.KeysFile + "):", 0, 2);
        foreach (var k in s.Keys)
        {
            o.WriteLine($"  {k.Role,-9} {k.Member,-14} {k.Key}");
        }

        o.WriteLine();
        CliOutput.WriteWrapped(o, $"Next: ./arena serve{serveArguments}   then open http://127.0.0.1:8800 and sign in with a key above.", 0, 2);
    }
}
