using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Ports;
using TreasuryArena.Core.Treasury;
using TreasuryArena.Infrastructure.MarketData;
using TreasuryArena.Infrastructure.Platform;
using TreasuryArena.Infrastructure.Storage;


namespace TreasuryArena.Infrastructure.Advice;

/// <summary>
/// The treasuries wired over one database, shared by the CLI verbs (<c>arena treasury|advise|journal|review|report</c>)
/// and the server (treasury endpoints and jobs): the directory of each organisation's treasury (<see cref="ITreasuryDirectory"/>,
/// table <c>treasuries</c>), each opened with its own decision journal, state, memory and ledger accounts but the same
/// advisor settings (Claude when <c>Anthropic:ApiKey</c> is set, else the rules — <see cref="Notice"/> says so, for the
/// host to print or log once), the market view over the intelligence layer and the database's one ledger writer.
/// <see cref="Manager"/> and <see cref="Journal"/> are the platform treasury's (<see cref="PlatformTreasury"/>), whose
/// capital and ledger name stay those of the <c>Treasury</c> configuration.
/// </summary>
public sealed class TreasuryRuntime : ITreasuryDirectory
{
    private readonly ConcurrentDictionary<Guid, TreasuryScope> _scopes = new();
    private readonly Func<TreasuryOptions, Guid, (TreasuryManager Manager, SqlDecisionJournal Journal)> _build;
    private readonly SqlTreasuryRegistry _registry;

    private TreasuryRuntime(
        TreasuryConfiguration configuration,
        SqlTreasuryRegistry registry,
        Func<TreasuryOptions, Guid, (TreasuryManager Manager, SqlDecisionJournal Journal)> build,
        (TreasuryManager Manager, SqlDecisionJournal Journal) platform,
        MarketIntelligence intelligence,
        string? notice)
    {
        Configuration = configuration;
        _registry = registry;
        _build = build;
        (Manager, Journal) = platform;
        Intelligence = intelligence;
        Notice = notice;
    }

    public TreasuryConfiguration Configuration { get; }

    public TreasuryOptions Options => Configuration.Treasury;

    /// <summary>The platform treasury's manager (also the market's dates: <see cref="TreasuryManager.AsOfFor"/>, <see cref="TreasuryManager.DefaultAsOf"/>).</summary>
    public TreasuryManager Manager { get; }

    /// <summary>The platform treasury's journal.</summary>
    public SqlDecisionJournal Journal { get; }

    public MarketIntelligence Intelligence { get; }

    /// <summary>Why Claude is not used (no key), or null when it is.</summary>
    public string? Notice { get; }

    public static TreasuryRuntime Create(
        TreasuryConfiguration configuration,
        ArenaDatabase database,
        LedgerService ledger,
        MarketIntelligence intelligence,
        IMarketDataProvider marketData,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(database);
        var rules = new RuleAdvisor(configuration.Rules, time);
        // Venues accrue the T-bill before their launch: the history's DTB3 series (live mode reads past dates from it too).
        var cashRate = marketData switch
        {
            HistoryMarketDataProvider h => h.History.TBill3m,
            _ => null,
        };
        string? notice = null;
        (TreasuryManager, SqlDecisionJournal) Build(TreasuryOptions options, Guid organisation)
        {
            var journal = new SqlDecisionJournal(database, organisation);
            var (advisor, why) = ClaudeAdvisorFactory.Create(configuration.Anthropic, rules, journal, time, loggerFactory);
            notice ??= why;
            var market = new IntelligenceTreasuryMarket(intelligence, marketData, options, cashRate);
            var store = new LedgerTreasuryStore(ledger, new SqlTreasuryStore(database, organisation), options);
            return (new TreasuryManager(options, advisor, market, store, journal, time, new SqlPolicyStore(new PlatformDatabase(database)), organisation), journal);
        }

        var platform = Build(configuration.Treasury, PlatformTreasury.OrganisationId);
        return new TreasuryRuntime(configuration, new SqlTreasuryRegistry(database), Build, platform, intelligence, notice);
    }

    public TreasuryAccount PlatformAccount(DateTimeOffset now) => new(PlatformTreasury.OrganisationId, Options.Organisation, Options.InitialCapital, now, "platform");

    public Task<TreasuryAccount?> FindAsync(Guid organisationId, CancellationToken cancellationToken) => _registry.FindAsync(organisationId, cancellationToken);

    public Task<bool> TryAddAsync(TreasuryAccount account, CancellationToken cancellationToken) => _registry.TryAddAsync(account, cancellationToken);

    public Task<IReadOnlyList<TreasuryAccount>> ListAsync(CancellationToken cancellationToken) => _registry.ListAsync(cancellationToken);

    public TreasuryScope Open(TreasuryAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return _scopes.GetOrAdd(account.OrganisationId, id =>
        {
            if (id == PlatformTreasury.OrganisationId)
            {
                return new TreasuryScope(account, Manager, Journal);
            }

            var (manager, journal) = _build(Options with { Organisation = account.LedgerName, InitialCapital = account.Capital }, id);
            return new TreasuryScope(account, manager, journal);
        });
    }
}
