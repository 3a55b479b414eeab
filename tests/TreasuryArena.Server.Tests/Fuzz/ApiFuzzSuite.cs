using FsCheck;
using FsCheck.Fluent;
using TreasuryArena.Server.Tests.Support;
using Xunit.Abstractions;

namespace TreasuryArena.Server.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of the JSON API (FsCheck generators, fixed seed, <see cref="FuzzSettings"/>): random valid
/// and hostile requests to the trade, wallet and admin endpoints from every role, against the real pipeline and a real
/// database. Run once on SQLite (<see cref="ApiFuzzSqliteTests"/>) and once on PostgreSQL
/// (<see cref="ApiFuzzPostgresTests"/>).
/// </summary>
public abstract class ApiFuzzSuite(ITestOutputHelper output) : ServerTestBase
{
    [DbFact]
    public async Task RandomRequests_TradeWalletAdmin_No5xxProblemJsonNoStateChangeOnRefusalAndEverythingVerifies()
    {
        var seed = FuzzSettings.Seed;
        var runs = FuzzSettings.Runs;
        output.WriteLine($"fuzz seed {seed}, {runs} requests (replay: ARENA_FUZZ_SEED={seed} ARENA_FUZZ_RUNS={runs})");
        var world = await FuzzWorld.CreateAsync(Factory);
        var steps = FuzzGen.Step().Sample(runs, new Rnd(seed), 10);
        var runner = new FuzzRunner(Factory, world, seed);
        await runner.RunAsync(steps);

        var (ledgerCode, ledgerOut, ledgerErr) = await InProcessArena.RunAsync(["ledger", "verify", "--db", Database.Connection]);
        var (auditCode, auditOut, auditErr) = await InProcessArena.RunAsync(["audit", "verify", "--db", Database.Connection]);
        output.WriteLine("statuses: " + string.Join(", ", runner.StatusCounts.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}×{kv.Value}")));
        output.WriteLine($"wallets {world.Count("wallet:a") + world.Count("wallet:b")}, holds {world.Count("hold:known")}, proposals {world.Count("proposal:known")}, organisations {world.Count("org:spare") + 2}, tokens {world.Count("token:any")}");

        output.WriteLine("control characters accepted (free-text policy, not asserted here): " + (runner.AcceptedControlText.Count == 0 ? "none" : string.Join("; ", runner.AcceptedControlText)));
        Assert.True(runner.Failures.Count == 0, $"fuzz seed {seed} found {runner.Failures.Count} problem(s):\n" + string.Join("\n", runner.Failures));
        Assert.True(ledgerCode == 0, $"arena ledger verify exit {ledgerCode}: {ledgerOut} {ledgerErr}");
        Assert.True(auditCode == 0, $"arena audit verify exit {auditCode}: {auditOut} {auditErr}");
        Assert.InRange(runner.Refused, 1, runs - 1);
        Assert.True(runner.StatusCounts.Keys.Any(s => s is >= 200 and < 300), "no request succeeded: the generator only produced refusals");
    }
}
