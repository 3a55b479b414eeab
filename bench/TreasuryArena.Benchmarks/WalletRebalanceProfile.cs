using System.Diagnostics;
using System.Globalization;
using TreasuryArena.Core.Wallets.Optimization;
using TreasuryArena.Core.Wallets.Proposals;

namespace TreasuryArena.Benchmarks;

/// <summary>
/// Stopwatch harness for the wallet rebalance (per phase, several rounds, in one process):
/// <c>dotnet run -c Release --project bench/TreasuryArena.Benchmarks -- wallet-profile [ROUNDS] [--sql-compliance]</c>.
/// Same setup as <see cref="WalletRebalanceBenchmarks"/>; per round 10,000 fresh all-cash wallets, then the optimizer
/// run timed in phases: token universe, a dry run (decisions only), the real run (orders through the trade desk and
/// the durable ledger, snapshots stored), with allocations and ledger group commits.
/// </summary>
internal static class WalletRebalanceProfile
{
    public static async Task RunAsync(int rounds, bool sqlCompliance)
    {
        var bench = new WalletRebalanceBenchmarks { SqlCompliance = sqlCompliance };
        var sw = Stopwatch.StartNew();
        bench.Setup();
        Console.WriteLine(Line($"setup (50 tokens, 130 NAV days): {sw.Elapsed.TotalSeconds:0.0} s"));
        try
        {
            for (var round = 1; round <= rounds; round++)
            {
                sw.Restart();
                bench.CreateWallets();
                Console.WriteLine(Line($"round {round}: created {bench.Wallets10k.Count} wallets in {sw.Elapsed.TotalSeconds:0.0} s"));
                var runtime = bench.Runtime;
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var commits = runtime.Ledger.Commits;
                var cpu = Environment.CpuUsage.TotalTime;
                var total = Stopwatch.StartNew();
                sw.Restart();
                var rebalancer = await runtime.RebalancerAsync(null, CancellationToken.None);
                var universe = sw.Elapsed;
                sw.Restart();
                var dry = await rebalancer.RebalanceAsync(bench.Wallets10k, true, null, CancellationToken.None);
                var dryTime = sw.Elapsed;
                var dryAlloc = GC.GetTotalAllocatedBytes(precise: true) - allocated;
                sw.Restart();
                var store = new TimingStore(runtime.Allocations);
                rebalancer = new WalletRebalancer(runtime.Ledger, new WalletOptimizer(await runtime.UniverseAsync(null, CancellationToken.None), runtime.Settings.Optimizer.Wallet),
                    store, runtime.Identity, runtime.Desk, runtime.Advisor, runtime.Settings.Plans, runtime.Settings.Proposals, runtime.Time);
                var results = await rebalancer.RebalanceAsync(bench.Wallets10k, false, null, CancellationToken.None);
                var real = sw.Elapsed;
                var cpuUsed = Environment.CpuUsage.TotalTime - cpu;
                var alloc = GC.GetTotalAllocatedBytes(precise: true) - allocated - dryAlloc;
                var executed = results.Count(r => r.Action == "executed");
                var trades = results.Sum(r => r.Executions.Count(e => e.Executed));
                Console.WriteLine(Line($"round {round}: universe {universe.TotalMilliseconds:0} ms; dry run {dryTime.TotalSeconds:0.00} s ({dry.Count} wallets, {dryAlloc / 1e6:0} MB); real run {real.TotalSeconds:0.00} s ({executed} executed, {trades} trades, {runtime.Ledger.Commits - commits} group commits, {alloc / 1e6:0} MB allocated); total {total.Elapsed.TotalSeconds:0.00} s, process CPU {cpuUsed.TotalSeconds:0.0} s; snapshots: {store.Rows} rows in {store.Chunks} chunks, {store.Bytes / 1e6:0.0} MB of decision JSON, {store.Elapsed.TotalSeconds:0.00} s in the store"));
            }
        }
        finally
        {
            bench.Cleanup();
        }
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Times the snapshot writes of a run.</summary>
    private sealed class TimingStore(IWalletAllocationStore inner) : IWalletAllocationStore
    {
        private readonly Stopwatch _elapsed = new();

        public int Rows { get; private set; }

        public int Chunks { get; private set; }

        public long Bytes { get; private set; }

        public TimeSpan Elapsed => _elapsed.Elapsed;

        public async Task SaveSnapshotsAsync(IReadOnlyList<AllocationSnapshot> snapshots, CancellationToken ct)
        {
            _elapsed.Start();
            await inner.SaveSnapshotsAsync(snapshots, ct);
            _elapsed.Stop();
            Rows += snapshots.Count;
            Chunks++;
            Bytes += snapshots.Sum(s => (long)s.DecisionJson.Length);
        }

        public Task SaveRunAsync(OptimizerRun run, CancellationToken ct) => inner.SaveRunAsync(run, ct);

        public Task<OptimizerRun?> FindRunAsync(Guid runId, CancellationToken ct) => inner.FindRunAsync(runId, ct);

        public Task<IReadOnlyList<AllocationSnapshot>> SnapshotsAsync(string address, int limit, CancellationToken ct) => inner.SnapshotsAsync(address, limit, ct);

        public Task<IReadOnlyDictionary<string, DateOnly>> LastExecutedAsync(CancellationToken ct) => inner.LastExecutedAsync(ct);

        public Task AddProposalAsync(WalletProposal proposal, CancellationToken ct) => inner.AddProposalAsync(proposal, ct);

        public Task<WalletProposal?> FindProposalAsync(Guid id, CancellationToken ct) => inner.FindProposalAsync(id, ct);

        public Task<IReadOnlyList<WalletProposal>> ProposalsAsync(string? address, ProposalStatus? status, CancellationToken ct) => inner.ProposalsAsync(address, status, ct);

        public Task<bool> TryDecideAsync(Guid id, ProposalStatus status, string decidedBy, DateTimeOffset at, string? note, CancellationToken ct) => inner.TryDecideAsync(id, status, decidedBy, at, note, ct);
    }
}
