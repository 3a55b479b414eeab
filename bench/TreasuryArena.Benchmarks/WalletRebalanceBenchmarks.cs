using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Benchmarks;

/// <summary>
/// Suggest-and-rebalance for 10,000 FULL_AI wallets over 50 active tokens on SQLite: token metrics and covariance once,
/// a max-Sharpe target per risk filter, then per wallet the orders, the rule advisor's review, the guardrails, the trade
/// desk (compliance rules) and the ledger, whose writes are durable group commits. Each invocation rebalances 10,000 fresh
/// all-cash wallets (created, unmeasured, in the iteration setup), so every invocation really trades (about 5–6 buys per
/// wallet). The compliance rules run on every trade; their store (verification, attestation) is in memory here, and
/// the per-day trade counts come from the ledger itself.
/// </summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(1)]
[IterationCount(3)]
[InvocationCount(1)]
public class WalletRebalanceBenchmarks
{
    private const int Wallets = 10_000;

    private string _dir = "";
    private ServiceProvider _services = null!;
    private TokensRuntime _runtime = null!;
    private Guid _org;
    private List<string> _wallets = [];

    /// <summary>The runtime over the benchmark database (for the Stopwatch harness).</summary>
    internal TokensRuntime Runtime => _runtime;

    /// <summary>The wallets created by the last <see cref="CreateWallets"/>.</summary>
    internal IReadOnlyList<string> Wallets10k => _wallets;

    /// <summary>The compliance bookkeeping in the SQL store (as <c>arena rebalance --all</c> runs) instead of in memory.</summary>
    internal bool SqlCompliance { get; set; }

    public static IEnumerable<(string Strategy, string Symbol, IReadOnlyDictionary<string, string>? Parameters)> FiftyTokens()
    {
        var list = new List<(string, string, IReadOnlyDictionary<string, string>?)>
        {
            ("buy-and-hold", "BHBTC", new Dictionary<string, string> { ["asset"] = "BTC" }),
            ("buy-and-hold", "BHETH", new Dictionary<string, string> { ["asset"] = "ETH" }),
            ("treasury-60-40", "T6040", null),
            ("fixed-weight", "FIXW", null),
            ("dual-momentum", "DMOM", null),
            ("risk-parity", "RPAR", null),
            ("vol-target", "VTGT", null),
            ("dca", "DCA", null),
            ("fear-greed-contrarian", "FGC", null),
            ("rsi-reversion", "RSIR", null),
        };
        for (var i = 0; list.Count < 50; i++)
        {
            var window = (30 + (i * 8)).ToString(CultureInfo.InvariantCulture);
            list.Add(("ma-trend", "MAT" + window, new Dictionary<string, string> { ["window"] = window }));
        }

        return list;
    }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [IterationSetup]
    public void CreateWallets() => _wallets = CreateWalletsAsync().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<int> SuggestAndRebalance10kWallets()
    {
        var rebalancer = await _runtime.RebalancerAsync(null, CancellationToken.None);
        var results = await rebalancer.RebalanceAsync(_wallets, false, null, CancellationToken.None);
        var executed = results.Count(r => r.Action == "executed");
        if (executed < Wallets * 9 / 10)
        {
            throw new InvalidOperationException($"only {executed} of {Wallets} wallets traded: {results[0].Reason}");
        }

        return executed;
    }

    private async Task SetupAsync()
    {
        _dir = Path.Combine(Path.GetTempPath(), "arena-walletbench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _services = BenchServices.Build(Path.Combine(_dir, "arena.db"), services =>
        {
            if (!SqlCompliance)
            {
                services.Replace(ServiceDescriptor.Singleton<IComplianceStore>(new InMemoryComplianceStore()));
            }
        });
        _runtime = _services.GetRequiredService<TokensRuntime>();
        var inception = new DateOnly(2020, 9, 1);
        foreach (var (strategy, symbol, parameters) in FiftyTokens())
        {
            await _runtime.Issuer.IssueAsync(strategy, symbol, parameters, inception, CancellationToken.None);
        }

        var asOf = inception.AddDays(130);
        await _runtime.Nav.RunAsync(asOf, CancellationToken.None);
        foreach (var t in _runtime.Ledger.ListTokens().Where(t => t.Token.Status == TokenStatus.Proving))
        {
            await _runtime.Nav.SetStatusAsync(t.Token.Symbol, TokenStatus.Active, asOf, "bench", "admin override for the benchmark", CancellationToken.None);
        }

        var admin = new Caller(Guid.NewGuid(), Guid.NewGuid(), "admin", null, Role.Admin);
        var org = new Organisation(Guid.NewGuid(), "Bench Trust", OrganisationType.Trust, Plan.Premium, OrganisationStatus.Pending, TimeProvider.System.GetUtcNow());
        await _runtime.Identity.TryAddOrganisationAsync(org, CancellationToken.None);
        var compliance = _services.GetRequiredService<ComplianceService>();
        await compliance.VerifyAsync(admin, org.Id, "trust", "EIN-1", "bench", CancellationToken.None);
        await compliance.PublishDisclosureAsync(admin, "v1", "risk", CancellationToken.None);
        await compliance.AttestAsync(new Caller(Guid.NewGuid(), Guid.NewGuid(), "treasurer", org.Id, Role.Treasurer), org.Id, "v1", "treasurer", CancellationToken.None);
        _org = org.Id;
    }

    private async Task<List<string>> CreateWalletsAsync()
    {
        var risks = new[] { RiskTolerance.Conservative, RiskTolerance.Moderate, RiskTolerance.Aggressive };
        var addresses = new string[Wallets];
        var batch = Guid.NewGuid().ToString("N");
        await Parallel.ForEachAsync(Enumerable.Range(0, Wallets), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
        {
            var created = await _runtime.Ledger.CreateWalletAsync(_org.ToString(), WalletMode.FullAi, risks[i % 3], $"bench:{batch}:{i}", ct);
            var address = created.Address ?? throw new InvalidOperationException(created.Message);
            var deposit = await _runtime.Ledger.DepositAsync(address, TreasuryArena.Core.Common.Money.Usd(10_000m + i), $"bench-deposit:{batch}:{i}", ct);
            addresses[i] = deposit.Accepted ? address : throw new InvalidOperationException(deposit.Message);
        });
        return [.. addresses];
    }

    /// <summary>The compliance store's bookkeeping in memory (verification, disclosure, attestation).</summary>
    private sealed class InMemoryComplianceStore : IComplianceStore
    {
        private readonly ConcurrentDictionary<Guid, VerificationEvidence> _verified = new();
        private readonly ConcurrentDictionary<Guid, Attestation> _attested = new();
        private readonly ConcurrentDictionary<Guid, HeldTrade> _holds = new();
        private RiskDisclosure? _disclosure;

        public Task<ComplianceStanding> LoadStandingAsync(Guid organisationId, CancellationToken ct) =>
            Task.FromResult(new ComplianceStanding(
                _verified.ContainsKey(organisationId) ? OrganisationStatus.Verified : null,
                _disclosure?.Version,
                _attested.TryGetValue(organisationId, out var a) ? a.DocumentVersion : null,
                false));

        public Task AddVerificationAsync(VerificationEvidence evidence, CancellationToken ct)
        {
            _verified[evidence.OrganisationId] = evidence;
            return Task.CompletedTask;
        }

        public Task<VerificationEvidence?> FindVerificationAsync(Guid organisationId, CancellationToken ct) =>
            Task.FromResult(_verified.TryGetValue(organisationId, out var v) ? v : null);

        public Task<bool> TryAddDisclosureAsync(RiskDisclosure disclosure, CancellationToken ct)
        {
            _disclosure = disclosure;
            return Task.FromResult(true);
        }

        public Task<RiskDisclosure?> CurrentDisclosureAsync(CancellationToken ct) => Task.FromResult(_disclosure);

        public Task AddAttestationAsync(Attestation attestation, CancellationToken ct)
        {
            _attested[attestation.OrganisationId] = attestation;
            return Task.CompletedTask;
        }

        public Task<Attestation?> LatestAttestationAsync(Guid organisationId, CancellationToken ct) =>
            Task.FromResult(_attested.TryGetValue(organisationId, out var a) ? a : null);

        public Task AddHoldAsync(HeldTrade hold, CancellationToken ct)
        {
            _holds[hold.Id] = hold;
            return Task.CompletedTask;
        }

        public Task<HeldTrade?> FindHoldAsync(Guid id, CancellationToken ct) => Task.FromResult(_holds.TryGetValue(id, out var h) ? h : null);

        public Task<IReadOnlyList<HeldTrade>> ListHoldsAsync(HoldStatus? status, Guid? organisationId, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<HeldTrade>>([.. _holds.Values]);

        public Task<bool> TryDecideHoldAsync(Guid id, HoldStatus status, string decidedBy, DateTimeOffset at, string? result, CancellationToken ct) => Task.FromResult(false);

        public Task SetHaltAsync(bool halted, string? reason, string actor, DateTimeOffset at, CancellationToken ct) => Task.CompletedTask;

        public Task<PlatformHalt> HaltStateAsync(CancellationToken ct) => throw new NotSupportedException();

        public Task AddNotificationAsync(Notification notification, CancellationToken ct) => Task.CompletedTask;

        public Task<IReadOnlyList<Notification>> ListNotificationsAsync(Guid? organisationId, int limit, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<Notification>>([]);
    }
}
