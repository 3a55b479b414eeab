using System.Globalization;
using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Nav;
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
    private TokensRuntime(ArenaDatabase database, MarketHistory history, LedgerService ledger, TimeProvider time, IAdvisor advisor, TokensSettings settings, IComplianceStore? complianceStore, INotifier? notifier = null)
    {
        Database = database;
        History = history;
        Time = time;
        Ledger = ledger;
        Settings = settings;
        Advisor = advisor;
        NavStore = new SqlNavStore(database, time);
        Allocations = new SqlWalletAllocationStore(database);
        var platform = new PlatformDatabase(database);
        Identity = new SqlIdentityStore(platform);
        ComplianceStore = complianceStore ?? new SqlComplianceStore(platform);
        Audit = new SqlAuditLog(platform, time);
        Notifier = notifier ?? new StoredNotifier(ComplianceStore, null);
        Compliance = new ComplianceGate(ComplianceStore, ledger, Audit, Notifier, settings.Monitoring, time);
        Desk = new TradeDesk(ledger, Compliance);
        Holds = new HoldReview(new ComplianceService(ComplianceStore, Identity, Audit, Notifier, time), Desk,
            new PlanExecutor(ledger, Desk, settings.Optimizer.Wallet), settings.Monitoring, time);
        Portfolios = new BackingPortfolioFactory(history);
        Hurdles = new HurdleRates(history.TBill3m);
        RiskFree = RiskFreeCurve.TBill3m(history.TBill3m);
        settings.Lifecycle.Validate();
        Nav = new NavEngine(ledger, NavStore, Portfolios, settings.Lifecycle, time, RiskFree, Hurdles, Audit, Notifier);
        Issuer = new TokenIssuer(ledger, NavStore, Portfolios, settings.Lifecycle);
    }

    public ArenaDatabase Database { get; }

    /// <summary>The market history the tokens' backing portfolios, hurdles, risk-free rate and the optimizer's volatile-share reference (BTC) read.</summary>
    public MarketHistory History { get; }

    public TimeProvider Time { get; }

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

    /// <param name="complianceStore">The compliance bookkeeping (default: the SQL store in the same database).</param>
    public static async Task<TokensRuntime> OpenAsync(
        ArenaDatabase database, MarketHistory history, TimeProvider time, IAdvisor? advisor = null, TokensSettings? settings = null, IComplianceStore? complianceStore = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var ledger = await database.OpenLedgerAsync(time, cancellationToken: ct, idempotencyWindow: settings?.IdempotencyWindow);
        return new TokensRuntime(database, history, ledger, time, advisor ?? new RuleAdvisor(new RuleAdvisorOptions(), time), settings ?? new TokensSettings(), complianceStore);
    }

    /// <summary>As <see cref="OpenAsync"/>, with the host's notifier (webhook + dashboard feed) for holds raised by the gate (server).</summary>
    public static async Task<TokensRuntime> OpenAsync(ArenaDatabase database, MarketHistory history, TimeProvider time, INotifier notifier, TokensSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(settings);
        var ledger = await database.OpenLedgerAsync(time, cancellationToken: ct, idempotencyWindow: settings.IdempotencyWindow);
        return new TokensRuntime(database, history, ledger, time, new RuleAdvisor(new RuleAdvisorOptions(), time), settings, null, notifier);
    }

    /// <summary>Creates a wallet for an organisation (by name or id) after checking its plan allows the mode; deposits <paramref name="deposit"/> when given.</summary>
    public async Task<string> CreateWalletAsync(string organisation, WalletMode mode, RiskTolerance risk, decimal? deposit, CancellationToken ct)
    {
        var org = (Guid.TryParse(organisation, out var id) ? await Identity.FindOrganisationAsync(id, ct) : null)
                  ?? await Identity.FindOrganisationByNameAsync(organisation, ct)
                  ?? throw new DomainException(Outcome.UnknownOrganisation, $"no organisation named {organisation} (create it with `arena org create`)");
        Settings.Plans.CheckMode(org.Plan, mode);
        if (deposit is { } d && d <= 0m)
        {
            throw new DomainException(Outcome.InvalidAmount, "--deposit must be a positive USD amount");
        }

        var created = await Ledger.CreateWalletAsync(org.Id.ToString(), mode, risk, "wallet:" + Guid.CreateVersion7(Time.GetUtcNow()).ToString("N"), ct);
        if (!created.Accepted)
        {
            throw new DomainException(Outcome.WalletRefused, created.Message ?? created.Error.ToString());
        }

        var address = created.Address!;
        if (deposit is { } amount)
        {
            var result = await Ledger.DepositAsync(address, Money.Usd(amount), "deposit:" + address + ":initial", ct);
            if (!result.Accepted)
            {
                throw new DomainException(Outcome.DepositRefused, result.Message ?? result.Error.ToString());
            }
        }

        return address;
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

        var date = asOf ?? (histories.Values.Where(h => h.Count > 0).Select(h => h[^1].Date).DefaultIfEmpty(DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime)).Max());
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
        return new WalletRebalancer(Ledger, optimizer, Allocations, Identity, Desk, Advisor, Settings.Plans, Settings.Proposals, Time);
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
