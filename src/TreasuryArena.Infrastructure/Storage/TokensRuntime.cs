using System.Globalization;
using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Approvals;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Ports;
using TreasuryArena.Core.Quant;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Core.Wallets.Optimization;
using TreasuryArena.Core.Wallets.Plans;
using TreasuryArena.Core.Wallets.Proposals;
using TreasuryArena.Infrastructure.Notifications;
using TreasuryArena.Infrastructure.Platform;

namespace TreasuryArena.Infrastructure.Storage;

/// <summary>
/// The tokens-and-wallets use cases wired over one database: the ledger (group-commit writer), the NAV engine with its
/// store and backing portfolios, token issuance, the organisation/compliance stores and the trade desk, and the wallet
/// optimizer runs. Used by the CLI verbs and the end-to-end tests; the server wires the same pieces by DI.
/// </summary>
public sealed class TokensRuntime : IAsyncDisposable
{
    private TokensRuntime(ArenaDatabase database, MarketHistory history, LedgerService ledger, TimeProvider time, IAdvisor advisor, TokensSettings settings, IComplianceStore? complianceStore, INotifier? notifier = null, SqlAuditLog? audit = null, IBusinessClock? clock = null, IDualControlThresholds? thresholds = null)
    {
        Database = database;
        History = history;
        Time = time;
        Clock = clock ?? BusinessClock.History(history, time);
        Ledger = ledger;
        // Deposits, withdrawals, wallet openings and treasury operations are dated on the platform's business calendar.
        ledger.BusinessClock = Clock;
        Settings = settings;
        Advisor = advisor;
        NavStore = new SqlNavStore(database, time);
        Allocations = new SqlWalletAllocationStore(database);
        var platform = new PlatformDatabase(database);
        Identity = new SqlIdentityStore(platform);
        ComplianceStore = complianceStore ?? new SqlComplianceStore(platform);
        Audit = audit ?? new SqlAuditLog(platform, time);
        Notifier = notifier ?? new StoredNotifier(ComplianceStore);
        Compliance = new ComplianceGate(ComplianceStore, ledger, Audit, Notifier, settings.Monitoring, time);
        Desk = new TradeDesk(ledger, Compliance);
        PolicyStore = new SqlPolicyStore(platform);
        PolicyBreaches = new SqlPolicyBreachStore(platform);
        settings.Approvals.Validate();
        ApprovalStore = new SqlApprovalStore(platform);
        DualControl = new DualControl(ApprovalStore, new PolicyDualControlThresholds(PolicyStore, thresholds ?? new ConfiguredDualControlThresholds(settings.Approvals.Threshold)), Audit, Notifier, settings.Approvals, time);
        Policies = new PolicyUseCases(ledger, PolicyStore, Audit, time, DualControl, PolicyBreaches, Notifier);
        Holds = new HoldReview(new ComplianceService(ComplianceStore, Identity, Audit, Notifier, time), Desk,
            new PlanExecutor(ledger, Desk, settings.Optimizer.Wallet, Policies), settings.Monitoring, time);
        Portfolios = new BackingPortfolioFactory(history);
        Hurdles = new HurdleRates(history.TBill3m);
        RiskFree = RiskFreeCurve.TBill3m(history.TBill3m);
        settings.Lifecycle.Validate();
        Nav = new NavEngine(ledger, NavStore, Portfolios, settings.Lifecycle, time, RiskFree, Hurdles, Audit, Notifier);
        Issuer = new TokenIssuer(ledger, NavStore, Portfolios, settings.Lifecycle, Clock);
        Wallets = new WalletUseCases(ledger, Identity, Audit, settings.Plans);
        Documents = new ComplianceDocumentUseCases(new SqlComplianceDocumentStore(platform), ComplianceStore, Identity, Audit, settings.ComplianceReview, time, Notifier);
        Trades = new TradeUseCases(ledger, Identity, Desk, Audit, settings.Plans, Policies, DualControl, Documents, Notifier, time);
        Tokens = new TokenUseCases(ledger, Issuer, Nav, Audit);
        Proposals = new ProposalUseCases(ledger, Allocations, Audit, ct => RebalancerAsync(null, ct), DualControl);
        Approvals = new ApprovalUseCases(DualControl, Trades, Proposals, Policies, Audit, Notifier, time);
        HoldDecisions = new HoldUseCases(Holds, Audit);
        NavSteps = new NavUseCases(Nav, Clock, Audit, Policies);
    }

    public ArenaDatabase Database { get; }

    /// <summary>Compliance documents, ESIGN signatures, the yearly review (read by every trade) and member erasure.</summary>
    public ComplianceDocumentUseCases Documents { get; }

    /// <summary>The market history the tokens' backing portfolios, hurdles, risk-free rate and the optimizer's volatile-share reference (BTC) read.</summary>
    public MarketHistory History { get; }

    public TimeProvider Time { get; }

    /// <summary>
    /// The business clock: the platform date NAV steps, fee accruals and reports stop at, and the valuation date of
    /// ledger entries not priced at a token's NAV (history mode by default: the last day with BTC and ETH closes).
    /// </summary>
    public IBusinessClock Clock { get; }

    public LedgerService Ledger { get; }

    public TokensSettings Settings { get; }

    /// <summary>
    /// The risk-free rate wherever tokens are ranked, filtered, promoted or compared: the US 3-month T-bill of the shipped
    /// history (FRED DTB3, discount basis → daily simple rate; causal).
    /// </summary>
    public RiskFreeCurve RiskFree { get; }

    public IAdvisor Advisor { get; }

    public SqlNavStore NavStore { get; }

    public SqlWalletAllocationStore Allocations { get; }

    public IIdentityStore Identity { get; }

    public IComplianceStore ComplianceStore { get; }

    public SqlAuditLog Audit { get; }

    /// <summary>Where holds, breaker trips and lifecycle changes are notified (the host's notifier, or the stored feed).</summary>
    public INotifier Notifier { get; }

    public IComplianceGate Compliance { get; }

    public TradeDesk Desk { get; }

    /// <summary>Admin decisions on held trades and held plans, and their expiry (API, CLI and the hourly job call this).</summary>
    public HoldReview Holds { get; }

    public BackingPortfolioFactory Portfolios { get; }

    public NavEngine Nav { get; }

    /// <summary>The daily hurdle rates of performance fees (the shipped T-bill history).</summary>
    public HurdleRates Hurdles { get; }

    public TokenIssuer Issuer { get; }

    /// <summary>The wallet use cases (create, mode, deposit, withdraw) with their plan checks and audit records: the API's and the CLI's.</summary>
    public WalletUseCases Wallets { get; }

    /// <summary>Buys and sells for a person: the plan's token limit, then the trade desk (API and CLI).</summary>
    public TradeUseCases Trades { get; }

    /// <summary>The versioned IPS store (migration 0510).</summary>
    public SqlPolicyStore PolicyStore { get; }

    /// <summary>The IPS breaches found by the daily scan after the NAV step (migration 0540), read by the board report.</summary>
    public SqlPolicyBreachStore PolicyBreaches { get; }

    /// <summary>The organisations' Investment Policy Statements: show, change, breaches, and the buy check <see cref="Trades"/> applies.</summary>
    public PolicyUseCases Policies { get; }

    /// <summary>The token use cases (issue, activate, pause, resume, hold, retire) with their audit records: the API's and the CLI's.</summary>
    public TokenUseCases Tokens { get; }

    /// <summary>Approve or reject a HYBRID proposal (access, the rebalancer's checks, the audit record): the API's and the CLI's.</summary>
    public ProposalUseCases Proposals { get; }

    /// <summary>The two-person approvals (table <c>approvals</c>).</summary>
    public SqlApprovalStore ApprovalStore { get; }

    /// <summary>The two-person rule the trade and proposal use cases apply (threshold: <see cref="IDualControlThresholds"/>).</summary>
    public DualControl DualControl { get; }

    /// <summary>List, approve (the second member executes), reject and expire two-person approvals (API, CLI and the hourly job).</summary>
    public ApprovalUseCases Approvals { get; }

    /// <summary>Release, reject and expire holds (admin only; audited <c>hold.release</c>, <c>hold.reject</c>, <c>hold.expire</c>).</summary>
    public HoldUseCases HoldDecisions { get; }

    /// <summary>Step every token's NAV, never past the platform date (admin only; audited <c>nav.step</c>).</summary>
    public NavUseCases NavSteps { get; }

    /// <param name="complianceStore">The compliance bookkeeping (default: the SQL store in the same database).</param>
    /// <param name="clock">The business clock (default: history mode over <paramref name="history"/>).</param>
    public static async Task<TokensRuntime> OpenAsync(
        ArenaDatabase database, MarketHistory history, TimeProvider time, IAdvisor? advisor = null, TokensSettings? settings = null, IComplianceStore? complianceStore = null,
        IBusinessClock? clock = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var ledger = await database.OpenLedgerAsync(time, cancellationToken: ct, idempotencyWindow: settings?.IdempotencyWindow);
        return new TokensRuntime(database, history, ledger, time, advisor ?? new RuleAdvisor((settings ?? new TokensSettings()).AdvisorRules, time), settings ?? new TokensSettings(), complianceStore, clock: clock);
    }

    /// <summary>As <see cref="OpenAsync"/>, with the host's notifier (webhook + dashboard feed) for holds raised by the gate (server).</summary>
    public static async Task<TokensRuntime> OpenAsync(
        ArenaDatabase database, MarketHistory history, TimeProvider time, INotifier notifier, TokensSettings settings, IBusinessClock? clock = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(settings);
        var ledger = await database.OpenLedgerAsync(time, cancellationToken: ct, idempotencyWindow: settings.IdempotencyWindow);
        return new TokensRuntime(database, history, ledger, time, new RuleAdvisor(settings.AdvisorRules, time), settings, null, notifier, clock: clock);
    }

    /// <summary>
    /// The composition root's wiring (<c>AddTreasuryArena</c>): over the process's one ledger writer and audit writer,
    /// its compliance store, notifier and advisor, all registered once for every host.
    /// </summary>
    /// <param name="thresholds">The dual-control thresholds (default: <c>Approvals:DefaultThresholdUsd</c> for every organisation).</param>
    public static TokensRuntime Create(
        ArenaDatabase database, MarketHistory history, LedgerService ledger, TimeProvider time, IAdvisor advisor, TokensSettings settings, IComplianceStore complianceStore, INotifier notifier, SqlAuditLog audit, IBusinessClock clock,
        IDualControlThresholds? thresholds = null) =>
        new(database, history, ledger, time, advisor, settings, complianceStore, notifier, audit, clock, thresholds);

    /// <summary>
    /// Creates a wallet for an organisation (by name or id) as the operator <paramref name="actor"/> through
    /// <see cref="WalletUseCases.CreateAsync"/> (plan check, audit); deposits <paramref name="deposit"/> when given.
    /// </summary>
    public Task<string> CreateWalletAsync(Caller actor, string organisation, WalletMode mode, RiskTolerance risk, decimal? deposit, CancellationToken ct) =>
        CreateWalletAsync(actor, organisation, null, mode, risk, deposit, ct);

    /// <summary>As <see cref="CreateWalletAsync(Caller, string, WalletMode, RiskTolerance, decimal?, CancellationToken)"/>, with the wallet's name ("Building fund"; null: none).</summary>
    public async Task<string> CreateWalletAsync(Caller actor, string organisation, string? name, WalletMode mode, RiskTolerance risk, decimal? deposit, CancellationToken ct)
    {
        var view = await Wallets.CreateAsync(actor, new NewWallet(organisation, mode, risk, deposit, "wallet:" + Guid.CreateVersion7(Time.GetUtcNow()).ToString("N"), name), ct);
        return view.Wallet.Address;
    }

    /// <summary>The token analytics as of the latest NAV date (or <paramref name="asOf"/>), computed once for a run.</summary>
    public async Task<TokenUniverse> UniverseAsync(DateOnly? asOf, CancellationToken ct)
    {
        var histories = new Dictionary<string, IReadOnlyList<NavHistoryRow>>(StringComparer.Ordinal);
        var quotes = new Dictionary<string, (decimal Nav, bool Buyable)>(StringComparer.Ordinal);
        var lookback = Settings.Optimizer.LookbackDays;
        var wallet = Settings.Optimizer.Wallet;
        var rowsNeeded = Math.Max(lookback, wallet.ReturnLookbackDays) + 1;
        foreach (var token in Ledger.ListTokens())
        {
            if (token.Token.Status == TokenStatus.Retired)
            {
                continue;
            }

            var rows = await NavStore.HistoryAsync(token.Token.Symbol, asOf is null ? rowsNeeded : null, ct);
            histories[token.Token.Symbol] = rows;
            quotes[token.Token.Symbol] = (token.NavPerShare.Value, TokenLifecycle.CanBuy(token.Token.Status));
        }

        var date = asOf ?? (histories.Values.Where(h => h.Count > 0).Select(h => h[^1].Date).DefaultIfEmpty(Clock.Today).Max());
        return TokenUniverse.Build(date, histories, quotes, new TokenUniverseOptions(lookback, RiskFree)
        {
            ReturnLookbackDays = wallet.ReturnLookbackDays,
            FallbackShrinkage = (double)wallet.FallbackShrinkage,
            VolatileReference = History.Btc.Closes,
        });
    }

    public async Task<WalletRebalancer> RebalancerAsync(DateOnly? asOf, CancellationToken ct)
    {
        var universe = await UniverseAsync(asOf, ct);
        var optimizer = new WalletOptimizer(universe, Settings.Optimizer.Wallet);
        return new WalletRebalancer(Ledger, optimizer, Allocations, Identity, Desk, Advisor, Settings.Plans, Settings.Proposals, Time, Policies, Notifier);
    }

    public async ValueTask DisposeAsync()
    {
        Nav.Dispose();
        await Audit.DisposeAsync();
        await Ledger.DisposeAsync();
    }

    /// <summary>Format helper for messages.</summary>
    public static string Usd(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);
}
