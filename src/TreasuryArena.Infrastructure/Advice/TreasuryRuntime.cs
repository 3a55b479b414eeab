using Microsoft.Extensions.Logging;
using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Ports;
using TreasuryArena.Core.Treasury;
using TreasuryArena.Infrastructure.MarketData;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Infrastructure.Advice;

/// <summary>
/// The treasury use cases wired over one database, shared by the CLI verbs (<c>arena treasury|advise|journal|review|report</c>)
/// and the server (treasury endpoints and jobs): the decision journal, the advisor (Claude when <c>Anthropic:ApiKey</c> is
/// set, else the rules — <see cref="Notice"/> says so, for the host to print or log once), the market view over the
/// intelligence layer, and the treasury kept in <paramref name="ledger"/> (the database's one ledger writer).
/// </summary>
public sealed class TreasuryRuntime
{
    private TreasuryRuntime(TreasuryConfiguration configuration, TreasuryManager manager, SqlDecisionJournal journal, MarketIntelligence intelligence, string? notice)
    {
        Configuration = configuration;
        Manager = manager;
        Journal = journal;
        Intelligence = intelligence;
        Notice = notice;
    }

    public TreasuryConfiguration Configuration { get; }

    public TreasuryOptions Options => Configuration.Treasury;

    public TreasuryManager Manager { get; }

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
        var options = configuration.Treasury;
        var journal = new SqlDecisionJournal(database);
        var rules = new RuleAdvisor(configuration.Rules, time);
        var (advisor, notice) = ClaudeAdvisorFactory.Create(configuration.Anthropic, rules, journal, time, loggerFactory);
        // Venues accrue the T-bill before their launch: the history's DTB3 series (live mode reads past dates from it too).
        var cashRate = marketData switch
        {
            HistoryMarketDataProvider h => h.History.TBill3m,
            _ => null,
        };
        var market = new IntelligenceTreasuryMarket(intelligence, marketData, options, cashRate);
        var store = new LedgerTreasuryStore(ledger, new SqlTreasuryStore(database), options);
        var manager = new TreasuryManager(options, advisor, market, store, journal, time);
        return new TreasuryRuntime(configuration, manager, journal, intelligence, notice);
    }
}
