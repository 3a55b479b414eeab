using System.CommandLine;
using Spectre.Console;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Cli;

/// <summary><c>arena ledger simulate</c> and <c>arena ledger verify</c>.</summary>
internal static partial class CliCommands
{
    static partial void AddLedger(RootCommand root)
    {
        var ledger = new Command("ledger", "The fund-share ledger: simulate load, verify integrity");
        ledger.Subcommands.Add(LedgerSimulateCommand());
        ledger.Subcommands.Add(LedgerVerifyCommand());
        root.Subcommands.Add(ledger);
    }

    private static Command LedgerSimulateCommand()
    {
        var db = CliDatabase.Option();
        var ops = new Option<int>("--ops") { Description = "Number of random operations", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var wallets = new Option<int>("--wallets") { Description = "Wallets to trade from (default 20)", DefaultValueFactory = _ => 20 };
        var tokens = new Option<int>("--tokens") { Description = "Tokens to trade (default 3)", DefaultValueFactory = _ => 3 };
        var inFlight = new Option<int>("--in-flight") { Description = "Commands queued at once (default 4096)", DefaultValueFactory = _ => 4096, Hidden = true };
        var ackLog = new Option<string?>("--ack-log") { Description = "Append the idempotency key of each acknowledged deposit, withdrawal, buy and sell to this file, flushed (crash tests)", Hidden = true };
        var cmd = new Command("simulate", "Drive N random operations (valid and invalid) through the real ledger into the database; prints a JSON summary");
        foreach (var o in new Option[] { db, ops, seed, wallets, tokens, inFlight, ackLog })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(ops);
            var w = parse.GetValue(wallets);
            var t = parse.GetValue(tokens);
            var f = parse.GetValue(inFlight);
            if (n < 0 || w < 1 || t < 1 || f < 1)
            {
                throw new CliException("--ops must be ≥ 0, --wallets, --tokens and --in-flight ≥ 1");
            }

            if (t > 100 || w > 100_000)
            {
                throw new CliException("--tokens must be ≤ 100 and --wallets ≤ 100000");
            }

            await using var host = await CliHost.OpenAsync(parse.GetValue(db), ct);
            var service = host.Get<LedgerService>();
            StreamWriter? log = null;
            if (parse.GetValue(ackLog) is { Length: > 0 } path)
            {
                log = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
            }

            await using (log)
            {
                var options = new SimulationOptions(n, parse.GetValue(seed), w, t, f);
                Action<LedgerCommand, LedgerResult>? ack = log is null ? null : (c, r) =>
                {
                    if (LedgerTradeKey(c) is { } key)
                    {
                        log.WriteLine(key);
                    }
                };
                SimulationSummary summary;
                if (!Console.IsOutputRedirected && n > 0)
                {
                    summary = await AnsiConsole.Progress().StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask("ledger simulate", maxValue: n);
                        return await LedgerSimulation.RunAsync(service, options, CliHost.Clock, done => task.Value = done, ack, ct);
                    });
                }
                else
                {
                    summary = await LedgerSimulation.RunAsync(service, options, CliHost.Clock, null, ack, ct);
                }

                CliJson.Write(summary);
            }

            return 0;
        });
        return cmd;
    }

    /// <summary>The key of a money-moving trade (these always write entries), else null.</summary>
    private static string? LedgerTradeKey(LedgerCommand command) => command switch
    {
        LedgerCommand.Deposit c => c.IdempotencyKey,
        LedgerCommand.Withdraw c => c.IdempotencyKey,
        LedgerCommand.Buy c => c.IdempotencyKey,
        LedgerCommand.Sell c => c.IdempotencyKey,
        _ => null,
    };

    private static Command LedgerVerifyCommand()
    {
        var db = CliDatabase.ExistingOption();
        var json = new Option<bool>("--json") { Description = "Print JSON: ok, entries, violation_count, violations" };
        var cmd = new Command("verify", "Replay every entry, recompute balances, check invariants and the hash chain; exit 0 only when all hold");
        cmd.Options.Add(db);
        cmd.Options.Add(json);
        cmd.SetAction(async (parse, ct) =>
        {
            await using var host = await CliHost.OpenAsync(parse.GetValue(db), ct);
            var journal = host.Get<ArenaDatabase>().CreateLedgerJournal();
            await using (journal)
            {
                var result = await LedgerVerifier.VerifyAsync(journal, ct);
                if (parse.GetValue(json))
                {
                    CliJson.Write(new
                    {
                        ok = result.Ok,
                        entries = result.Entries,
                        violation_count = result.ViolationCount,
                        violations = result.Violations.Select(v => new { what = v.What, where = v.Where, detail = v.Detail }),
                    });
                    return result.Ok ? 0 : 1;
                }

                CliOutput.WriteWrapped(Console.Out, result.Ok
                    ? FormattableString.Invariant($"ledger ok: {result.Entries} entries replayed; balances, invariants and the hash chain hold")
                    : FormattableString.Invariant($"ledger FAILED: {result.ViolationCount} violations in {result.Entries} entries"));
                if (result.Violations.Count > 0)
                {
                    var table = new CliTable().Text("what").Text("where").Text("detail", priority: 1);
                    foreach (var v in result.Violations)
                    {
                        table.Row(v.What, v.Where, v.Detail);
                    }

                    table.Write();
                }

                return result.Ok ? 0 : 1;
            }
        });
        return cmd;
    }
}
