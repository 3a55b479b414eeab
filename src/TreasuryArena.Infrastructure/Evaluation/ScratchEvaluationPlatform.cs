using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Evaluation;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Ports;
using TreasuryArena.Core.Quant;
using TreasuryArena.Core.Treasury;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Core.Wallets.Optimization;
using TreasuryArena.Infrastructure.Advice;
using TreasuryArena.Infrastructure.Notifications;
using TreasuryArena.Infrastructure.Platform;
using TreasuryArena.Infrastructure.Reports;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Infrastructure.Evaluation;

/// <summary>
/// The evaluation's platform: the production tokens-and-wallets runtime (<see cref="TokensRuntime"/>: ledger with its
/// group-commit writer, NAV engine and store, issuer, compliance gate and trade desk, wallet rebalancer with the rule
/// advisor) over a scratch SQLite database that is deleted afterwards, on the replay clock. One verified, attested
/// organisation (Premium plan) owns every wallet, set up through the same identity and compliance services as
/// <c>arena demo</c>.
/// </summary>
public sealed class ScratchEvaluationPlatform : IEvaluationPlatform, IAsyncDisposable
{
    private const string OrganisationName = "Evaluation Trust";

    private readonly string _path;
    private readonly TokensRuntime _runtime;
    private readonly ReplayClock _clock;

    private readonly SqlWalletPeakStore _peaks;
    private readonly WalletBreaker _walletBreaker;

    private ScratchEvaluationPlatform(string path, TokensRuntime runtime, ReplayClock clock, Guid organisation)
    {
        _path = path;
        _runtime = runtime;
        _clock = clock;
        OrganisationId = organisation;
        // Wired as the server wires its wallet-breaker job: the runtime's ledger, desk, audit log and monitoring rules,
        // the SQL peak store, and the stored notifier.
        _peaks = new SqlWalletPeakStore(new PlatformDatabase(runtime.Database));
        _walletBreaker = new WalletBreaker(runtime.Ledger, runtime.Desk, _peaks, runtime.Audit, new StoredNotifier(runtime.ComplianceStore), runtime.Settings.Monitoring, runtime.Settings.Optimizer.Wallet, clock);
    }

    public LedgerService Ledger => _runtime.Ledger;

    public NavEngine Nav => _runtime.Nav;

    public TokenIssuer Issuer => _runtime.Issuer;

    public TradeDesk Desk => _runtime.Desk;

    public WalletOptimizerOptions Optimizer => _runtime.Settings.Optimizer.Wallet;

    public decimal WalletBreakerDrawdown => _runtime.Settings.Monitoring.WalletDrawdownBreaker;

    public Guid OrganisationId { get; }

    /// <summary>Creates the scratch database in <paramref name="directory"/> (default the temp directory) and the organisation.</summary>
    public static async Task<ScratchEvaluationPlatform> CreateAsync(MarketHistory history, ReplayClock clock, WalletOptimizerOptions optimizer, string? directory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(clock);
        var path = Path.Combine(directory ?? Path.GetTempPath(), $"arena-evaluate-{Guid.NewGuid():N}.db");
        var database = await ArenaDatabase.OpenAsync(path, clock, ct);
        var platform = new PlatformDatabase(database);
        var identityStore = new SqlIdentityStore(platform);
        var complianceStore = new SqlComplianceStore(platform);
        Organisation org;
        await using (var audit = new SqlAuditLog(platform, clock))
        {
            var identity = new IdentityService(identityStore, audit, clock);
            var compliance = new ComplianceService(complianceStore, identityStore, audit, new StoredNotifier(complianceStore), clock);
            var op = Caller.Operator("evaluation");
            await compliance.PublishDisclosureAsync(op, "evaluation", "Evaluation run: simulated trades on historical data; no money moves.", ct);
            org = await identity.CreateOrganisationAsync(op, OrganisationName, OrganisationType.Church, Plan.Premium, ct);
            await compliance.VerifyAsync(op, org.Id, "church", "evaluation", "evaluation", ct);
            var treasurer = await identity.IssueKeyAsync(op, org.Id, "Evaluation Treasurer", Role.Treasurer, ct);
            var signer = await identity.AuthenticateAsync(treasurer.Key, ct) ?? throw new InvalidOperationException("the evaluation treasurer's key does not authenticate");
            await compliance.AttestAsync(signer, org.Id, "evaluation", "Evaluation Treasurer", ct);
        }

        var settings = new TokensSettings { Optimizer = new TokensSettings.OptimizerSettings { Wallet = optimizer } };
        var runtime = await TokensRuntime.OpenAsync(database, history, clock, settings: settings, ct: ct);
        return new ScratchEvaluationPlatform(path, runtime, clock, org.Id);
    }

    public Task<IReadOnlyList<NavHistoryRow>> HistoryAsync(string symbol, CancellationToken ct) => _runtime.NavStore.HistoryAsync(symbol, null, ct);

    public Task<IReadOnlyList<LifecycleEvent>> EventsAsync(string symbol, CancellationToken ct) => _runtime.NavStore.EventsAsync(symbol, ct);

    public Task<string> CreateWalletAsync(WalletMode mode, RiskTolerance risk, decimal deposit, CancellationToken ct) =>
        _runtime.CreateWalletAsync(Caller.Operator("evaluation"), OrganisationId.ToString(), mode, risk, deposit, ct);

    public async Task<(IReadOnlyList<(string Address, WalletBreakerTrip Trip)> Tripped, IReadOnlyList<string> Resumed)> WalletBreakerAsync(IReadOnlyCollection<string> addresses, DateOnly date, CancellationToken ct)
    {
        var run = await _walletBreaker.RunAsync(addresses, ct);
        var trips = new List<(string, WalletBreakerTrip)>();
        foreach (var address in run.Tripped)
        {
            // A trip leaves the peak as it was, and nothing trades between the breaker's check and this read.
            var peak = await _peaks.GetAsync(address, ct) ?? 0m;
            var value = _runtime.Desk.WalletValue(_runtime.Ledger.GetWallet(address)!);
            trips.Add((address, new WalletBreakerTrip(date, peak, value, Drawdowns.Reported(peak, value) ?? 0m)));
        }

        return (trips, run.Resumed);
    }

    /// <summary>A wallet's ledger history, oldest first, one row per operation (as the dashboard lists it): how a test
    /// checks which days a wallet traded.</summary>
    public async Task<IReadOnlyList<WalletTransaction>> TransactionsAsync(string address, CancellationToken ct)
    {
        await using var journal = _runtime.Database.CreateLedgerJournal();
        var page = await WalletTransactions.ReadAsync(journal, address, 100_000, null, ct);
        return [.. page.Transactions.Reverse()];
    }

    /// <summary>The production run: the universe of the last lookback window of every token as of its latest NAV date.</summary>
    public Task<WalletRebalancer> RebalancerAsync(CancellationToken ct) => _runtime.RebalancerAsync(null, ct);

    /// <summary>
    /// The managed treasury over the same database, ledger and clock: the production <see cref="TreasuryManager"/> with the
    /// rule advisor (never a model: a replay must be reproducible and offline), its journal and ledger-backed store, and the
    /// market view of the intelligence layer on the given history provider.
    /// </summary>
    public TreasuryReplay Treasury(MarketIntelligence intelligence, IMarketDataProvider provider, TreasuryOptions options, RuleAdvisorOptions rules)
    {
        var database = _runtime.Database;
        var journal = new SqlDecisionJournal(database);
        var manager = new TreasuryManager(options.Validated(), new RuleAdvisor(rules, _clock), new IntelligenceTreasuryMarket(intelligence, provider, options, _runtime.History.TBill3m),
            new LedgerTreasuryStore(_runtime.Ledger, new SqlTreasuryStore(database), options), journal, _clock);
        return new TreasuryReplay(manager, journal);
    }

    public async ValueTask DisposeAsync()
    {
        await _runtime.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            try
            {
                File.Delete(f);
            }
            catch (IOException)
            {
                // A scratch file the OS still holds is left in the temp directory; nothing depends on it.
            }
        }
    }
}
