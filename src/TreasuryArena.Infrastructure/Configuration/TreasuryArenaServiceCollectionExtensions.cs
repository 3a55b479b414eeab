using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Approvals;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Notifications;
using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Ports;
using TreasuryArena.Core.Reporting;
using TreasuryArena.Core.Treasury;
using TreasuryArena.Core.Wallets.Optimization;
using TreasuryArena.Core.Wallets.Proposals;
using TreasuryArena.Infrastructure.Advice;
using TreasuryArena.Infrastructure.Http;
using TreasuryArena.Infrastructure.MarketData;
using TreasuryArena.Infrastructure.MarketData.Options;
using TreasuryArena.Infrastructure.Notifications;
using TreasuryArena.Infrastructure.Platform;
using TreasuryArena.Infrastructure.Reports;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Infrastructure.Configuration;

/// <summary>
/// The one composition root of the platform, used by the server (<c>AddArenaServer</c> adds only the web on top), the
/// CLI (a generic host per command) and the benchmarks: every option section bound and validated at start, the database,
/// the stores, the process's one ledger writer and one audit writer, the notifier, market data and intelligence, the
/// tokens runtime (NAV engine, trade desk, compliance gate) and the treasury runtime. Everything is a lazily created
/// singleton: a host resolves what it uses and nothing else is opened (an admin verb never loads market history).
/// </summary>
public static class TreasuryArenaServiceCollectionExtensions
{
    /// <summary>Every section the root binds, with the type whose properties are its keys (for <see cref="ConfigurationCheck"/>).</summary>
    public static IReadOnlyList<KnownSection> Sections { get; } =
    [
        new(ArenaOptions.SectionName, typeof(ArenaOptions)),
        new(NotificationsOptions.SectionName, typeof(NotificationsOptions)),
        new(LifecycleOptions.SectionName, typeof(LifecycleOptions)),
        new(WalletOptimizerOptions.SectionName, typeof(WalletOptimizerOptions)),
        new(ProposalPolicy.SectionName, typeof(ProposalPolicy)),
        new(TreasuryOptions.SectionName, typeof(TreasuryOptions)),
        new(TreasuryIntelligenceOptions.SectionName, typeof(TreasuryIntelligenceOptions)),
        new(RuleAdvisorOptions.SectionName, typeof(RuleAdvisorOptions)),
        new(AnthropicOptions.SectionName, typeof(AnthropicOptions)),
        new(MarketDataOptions.SectionName, typeof(MarketDataOptions)),
        new(HttpResilienceOptions.SectionName, typeof(HttpResilienceOptions)),
        new(SessionTimeoutOptions.SectionName, typeof(SessionTimeoutOptions)),
        new(ApprovalOptions.SectionName, typeof(ApprovalOptions)),
        new(ComplianceReviewOptions.SectionName, typeof(ComplianceReviewOptions)),
        new(BoardReportOptions.SectionName, typeof(BoardReportOptions)),
    ];

    public static IServiceCollection AddTreasuryArena(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
#pragma warning disable RS0030 // the composition root chooses the system clock here, and only here
        services.TryAddSingleton(TimeProvider.System);
#pragma warning restore RS0030
        AddOptions(services);

        // The database is opened (and every area's migrations applied) when the first service needs it. A host may
        // register its own ArenaDatabase first (the server turns on background WAL checkpoints; the CLI opens --db).
        services.TryAddSingleton(sp => ArenaDatabase.OpenAsync(
            sp.GetRequiredService<IOptions<ArenaOptions>>().Value.Database, sp.GetRequiredService<TimeProvider>()).GetAwaiter().GetResult());
        services.TryAddSingleton<PlatformDatabase>();
        services.TryAddSingleton<SqlIdentityStore>();
        services.TryAddSingleton<IIdentityStore>(sp => sp.GetRequiredService<SqlIdentityStore>());
        services.TryAddSingleton(sp => new ActorNames(sp.GetRequiredService<IIdentityStore>()));
        services.TryAddSingleton<SqlSessionStore>();
        services.TryAddSingleton<ISessionStore>(sp => sp.GetRequiredService<SqlSessionStore>());
        services.TryAddSingleton(sp => new SessionService(
            sp.GetRequiredService<ISessionStore>(), sp.GetRequiredService<IOptions<SessionTimeoutOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<SqlComplianceStore>();
        services.TryAddSingleton<IComplianceStore>(sp => sp.GetRequiredService<SqlComplianceStore>());
        services.TryAddSingleton<OrganisationExporter>();
        services.TryAddSingleton<SqlWalletPeakStore>();
        services.TryAddSingleton<IWalletPeakStore>(sp => sp.GetRequiredService<SqlWalletPeakStore>());

        // One audit writer and one ledger writer per process, shared by every use case.
        services.TryAddSingleton<SqlAuditLog>();
        services.TryAddSingleton<IAuditLog>(sp => sp.GetRequiredService<SqlAuditLog>());
        services.TryAddSingleton(sp =>
        {
            var ledger = sp.GetRequiredService<ArenaDatabase>().OpenLedgerAsync(
                sp.GetRequiredService<TimeProvider>(), idempotencyWindow: sp.GetRequiredService<IOptions<ArenaOptions>>().Value.IdempotencyWindow).GetAwaiter().GetResult();
            // Deposits, withdrawals, wallet openings and treasury operations are dated on the business calendar.
            ledger.BusinessClock = sp.GetService<IBusinessClock>();
            return ledger;
        });

        // Notifications: every one stored in the outbox with one delivery per recipient channel (the operator's
        // Notifications:* channels, the organisation's own settings), delivered by NotificationDeliverer (the server's
        // NotificationDeliveryService, `arena notifications deliver`) with backoff until delivered or expired.
        services.AddArenaHttpResilience(configuration);
        services.AddHttpClient(NotificationHttp.ClientName);
        services.TryAddSingleton<SqlNotificationOutbox>();
        services.TryAddSingleton<INotificationSettingsStore>(sp => sp.GetRequiredService<SqlNotificationOutbox>());
        services.TryAddSingleton<NotificationSignal>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationChannel, WebhookChannel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationChannel, TelegramChannel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationChannel, EmailChannel>());
        services.TryAddSingleton<NotificationDeliverer>();
        services.TryAddSingleton<INotifier>(sp => new OutboxNotifier(
            sp.GetRequiredService<SqlNotificationOutbox>(),
            sp.GetRequiredService<INotificationSettingsStore>(),
            sp.GetRequiredService<IOptions<NotificationsOptions>>(),
            sp.GetRequiredService<IOptions<ArenaOptions>>().Value.WebhookUrl,
            sp.GetRequiredService<NotificationSignal>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new NotificationSettingsUseCases(
            sp.GetRequiredService<INotificationSettingsStore>(), sp.GetRequiredService<IAuditLog>(), sp.GetRequiredService<TimeProvider>()));

        // Two-person approval: the operator's platform threshold; an organisation's IPS may set a lower one (PolicyDualControlThresholds).
        services.TryAddSingleton<IDualControlThresholds>(sp => new ConfiguredDualControlThresholds(sp.GetRequiredService<IOptions<ApprovalOptions>>().Value.Threshold));
        services.TryAddSingleton(sp => Monitoring(sp.GetRequiredService<IOptions<ArenaOptions>>().Value));
        services.TryAddSingleton(sp => new TokensSettings
        {
            Optimizer = new TokensSettings.OptimizerSettings { Wallet = sp.GetRequiredService<IOptions<WalletOptimizerOptions>>().Value },
            Monitoring = sp.GetRequiredService<MonitoringRules>(),
            Lifecycle = sp.GetRequiredService<IOptions<LifecycleOptions>>().Value,
            Proposals = sp.GetRequiredService<IOptions<ProposalPolicy>>().Value,
            Approvals = sp.GetRequiredService<IOptions<ApprovalOptions>>().Value,
            AdvisorRules = sp.GetRequiredService<IOptions<RuleAdvisorOptions>>().Value,
            IdempotencyWindow = sp.GetRequiredService<IOptions<ArenaOptions>>().Value.IdempotencyWindow,
            ComplianceReview = sp.GetRequiredService<IOptions<ComplianceReviewOptions>>().Value,
        });

        // Market data (history by default, MarketData:HistoryPath), intelligence, the typed live clients.
        services.AddMarketData(configuration);

        // The tokens area's runtime: NAV engine, issuer, compliance gate and trade desk over the one ledger.
        services.TryAddSingleton(sp => TokensRuntime.Create(
            sp.GetRequiredService<ArenaDatabase>(),
            sp.GetRequiredService<MarketHistory>(),
            sp.GetRequiredService<LedgerService>(),
            sp.GetRequiredService<TimeProvider>(),
            new RuleAdvisor(sp.GetRequiredService<IOptions<RuleAdvisorOptions>>().Value, sp.GetRequiredService<TimeProvider>()),
            sp.GetRequiredService<TokensSettings>(),
            sp.GetRequiredService<IComplianceStore>(),
            sp.GetRequiredService<INotifier>(),
            sp.GetRequiredService<SqlAuditLog>(),
            sp.GetRequiredService<IBusinessClock>(),
            sp.GetRequiredService<IDualControlThresholds>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<TokensRuntime>().Desk);
        // The use cases (plan, compliance and policy checks, audit records) that endpoints, CLI verbs and jobs adapt.
        services.TryAddSingleton(sp => sp.GetRequiredService<TokensRuntime>().Wallets);
        services.TryAddSingleton(sp => sp.GetRequiredService<TokensRuntime>().Trades);
        services.TryAddSingleton(sp => sp.GetRequiredService<TokensRuntime>().Policies);
        services.TryAddSingleton(sp => sp.GetRequiredService<TokensRuntime>().Documents);
        services.TryAddSingleton(sp => sp.GetRequiredService<TokensRuntime>().Tokens);
        services.TryAddSingleton(sp => sp.GetRequiredService<TokensRuntime>().Proposals);
        services.TryAddSingleton(sp => sp.GetRequiredService<TokensRuntime>().HoldDecisions);
        services.TryAddSingleton(sp => sp.GetRequiredService<TokensRuntime>().Approvals);
        services.TryAddSingleton(sp => sp.GetRequiredService<TokensRuntime>().NavSteps);
        services.TryAddSingleton(sp => sp.GetRequiredService<TokensRuntime>().Compliance);
        services.TryAddSingleton(sp =>
        {
            var rt = sp.GetRequiredService<TokensRuntime>();
            return new WalletBreaker(rt.Ledger, rt.Desk, sp.GetRequiredService<IWalletPeakStore>(), rt.Audit, sp.GetRequiredService<INotifier>(),
                sp.GetRequiredService<MonitoringRules>(), rt.Settings.Optimizer.Wallet, sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<IdentityService>();
        services.TryAddSingleton<ComplianceService>();

        // The treasury manager and its advisor (Claude when Anthropic:ApiKey is set) over the same ledger and market data.
        services.TryAddSingleton(sp => new TreasuryConfiguration(
            sp.GetRequiredService<IOptions<TreasuryOptions>>().Value,
            sp.GetRequiredService<IOptions<RuleAdvisorOptions>>().Value,
            sp.GetRequiredService<IOptions<AnthropicOptions>>().Value));
        services.TryAddSingleton(sp => TreasuryRuntime.Create(
            sp.GetRequiredService<TreasuryConfiguration>(),
            sp.GetRequiredService<ArenaDatabase>(),
            sp.GetRequiredService<LedgerService>(),
            sp.GetRequiredService<MarketIntelligence>(),
            sp.GetRequiredService<IMarketDataProvider>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<ITreasuryDirectory>(sp => sp.GetRequiredService<TreasuryRuntime>());
        services.TryAddSingleton(sp => new TreasuryUseCases(sp.GetRequiredService<ITreasuryDirectory>(), sp.GetRequiredService<IIdentityStore>(),
            sp.GetRequiredService<IAuditLog>(), sp.GetRequiredService<TimeProvider>()));

        // The quarterly board report: the IPS's benchmark and monthly expenses through IBoardPolicySource (60/40 when the
        // organisation has no policy), the treasury through BoardTreasuries, PDFs by headless Chromium (Reports:ChromiumPath).
        services.TryAddSingleton<IBoardPolicySource>(sp => new PolicyBoardSource(sp.GetRequiredService<TokensRuntime>().PolicyStore, sp.GetRequiredService<TokensRuntime>().PolicyBreaches));
        services.TryAddSingleton(sp => new BoardTreasuries(
            sp.GetRequiredService<ITreasuryDirectory>, sp.GetRequiredService<IOptions<BoardReportOptions>>().Value.TreasuryOrganisation, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new ChromiumPdf(sp.GetRequiredService<IOptions<BoardReportOptions>>().Value));
        services.TryAddSingleton(sp => new BoardReportUseCases(
            sp.GetRequiredService<IIdentityStore>(),
            sp.GetRequiredService<LedgerService>(),
            sp.GetRequiredService<ArenaDatabase>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IBusinessClock>(),
            sp.GetRequiredService<MarketHistory>(),
            new SqlWalletAllocationStore(sp.GetRequiredService<ArenaDatabase>()),
            sp.GetRequiredService<IBoardPolicySource>(),
            sp.GetRequiredService<BoardTreasuries>(),
            sp.GetRequiredService<ChromiumPdf>()));
        services.TryAddSingleton(sp => new DailyReportUseCases(sp.GetRequiredService<TreasuryUseCases>()));
        services.TryAddSingleton(sp => new WalletStatementUseCases(
            sp.GetRequiredService<IIdentityStore>(),
            sp.GetRequiredService<LedgerService>(),
            sp.GetRequiredService<ArenaDatabase>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IBusinessClock>(),
            sp.GetRequiredService<ChromiumPdf>()));

        foreach (var section in Sections)
        {
            services.AddSingleton(section);
        }

        services.AddHostedService<ConfigurationReporter>();
        return services;
    }

    /// <summary>The transaction-monitoring and wallet-breaker rules of <c>Arena</c>.</summary>
    public static MonitoringRules Monitoring(ArenaOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new MonitoringRules
        {
            MaxTradeUsd = o.HoldTradeAboveUsd,
            MaxWalletFraction = o.HoldTradeAboveWalletFraction,
            MaxTradesPerDay = o.HoldTradesPerDayAbove,
            HoldLifetime = TimeSpan.FromHours(o.HoldLifetimeHours),
            WalletDrawdownBreaker = o.WalletDrawdownBreaker,
            WalletBreakerVolatilityMultiple = o.WalletBreakerVolatilityMultiple,
            WalletBreakerCap = o.WalletBreakerCap,
        };
    }

    private static void AddOptions(IServiceCollection services)
    {
        services.AddOptions<ArenaOptions>().BindConfiguration(ArenaOptions.SectionName).ValidateAnnotationsOnStart(ArenaOptions.SectionName);
        services.AddOptions<NotificationsOptions>().BindConfiguration(NotificationsOptions.SectionName).ValidateByThrowing(o => o.Validate());
        services.AddOptions<LifecycleOptions>().BindConfiguration(LifecycleOptions.SectionName).ValidateAnnotationsOnStart(LifecycleOptions.SectionName)
            .ValidateByThrowing(o => o.Validate());
        services.AddOptions<WalletOptimizerOptions>().BindConfiguration(WalletOptimizerOptions.SectionName).ValidateAnnotationsOnStart(WalletOptimizerOptions.SectionName);
        services.AddOptions<ProposalPolicy>().BindConfiguration(ProposalPolicy.SectionName).ValidateByThrowing(CheckProposals);
        services.AddOptions<TreasuryOptions>().BindConfiguration(TreasuryOptions.SectionName).ValidateByThrowing(o => o.Validated());
        services.AddOptions<RuleAdvisorOptions>().BindConfiguration(RuleAdvisorOptions.SectionName).ValidateAnnotationsOnStart(RuleAdvisorOptions.SectionName);
        services.AddOptions<AnthropicOptions>().BindConfiguration(AnthropicOptions.SectionName).ValidateAnnotationsOnStart(AnthropicOptions.SectionName);
        services.AddOptions<SessionTimeoutOptions>().BindConfiguration(SessionTimeoutOptions.SectionName).ValidateByThrowing(o => o.Validate());
        services.AddOptions<ApprovalOptions>().BindConfiguration(ApprovalOptions.SectionName).ValidateByThrowing(o => o.Validate());
        services.AddOptions<ComplianceReviewOptions>().BindConfiguration(ComplianceReviewOptions.SectionName).ValidateByThrowing(o => o.Validate());
        services.AddOptions<BoardReportOptions>().BindConfiguration(BoardReportOptions.SectionName).ValidateByThrowing(o =>
        {
            if (o.PdfTimeout <= TimeSpan.Zero)
            {
                throw new ArgumentException($"{BoardReportOptions.SectionName}:PdfTimeout must be positive, got {o.PdfTimeout}");
            }
        });
    }

    private static void CheckProposals(ProposalPolicy o)
    {
        if (o.Lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{ProposalPolicy.SectionName}:Lifetime must be positive, got {o.Lifetime}");
        }

        if (o.MaxNavMove is <= 0m or > 1m)
        {
            throw new ArgumentException($"{ProposalPolicy.SectionName}:MaxNavMove must be within (0, 1], got {o.MaxNavMove}");
        }
    }
}
