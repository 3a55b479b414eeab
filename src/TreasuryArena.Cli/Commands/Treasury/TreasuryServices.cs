using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TreasuryArena.Cli.Commands.Intel;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Ports;
using TreasuryArena.Core.Treasury;
using TreasuryArena.Infrastructure.Advice;

namespace TreasuryArena.Cli.Commands.Treasury;

/// <summary>
/// Wires the treasury use cases for one command: configuration (<c>Treasury</c>, <c>Advisor:Rules</c>,
/// <c>Anthropic</c>), market data and intelligence (history by default), the database given by <c>--db</c> (every migration
/// applied, 0200 included), the ledger (the treasury's cash, positions and fills are ledger accounts; a caller that already
/// holds the database's ledger passes it, since one database has one ledger writer), and the advisor (Claude when
/// <c>Anthropic:ApiKey</c> is set, else the rules — said once).
/// </summary>
internal sealed class TreasuryServices : IAsyncDisposable
{
    private static int _noticeShown;

    private readonly ServiceProvider _provider;
    private readonly LedgerService? _ownedLedger;

    private TreasuryServices(ServiceProvider provider, LedgerService? ownedLedger, TreasuryManager manager, SqlDecisionJournal journal)
    {
        _provider = provider;
        _ownedLedger = ownedLedger;
        Manager = manager;
        Journal = journal;
    }

    public TreasuryManager Manager { get; }

    /// <summary>Lets the "no Claude key" notice show again (it is said once per process; tests run many commands in one).</summary>
    internal static void ResetNotice() => Interlocked.Exchange(ref _noticeShown, 0);

    public SqlDecisionJournal Journal { get; }

    /// <summary>Opens the services over <paramref name="db"/>; <paramref name="ledger"/> is that database's open ledger, if the caller has one.</summary>
    public static async Task<TreasuryServices> OpenAsync(string? db, CancellationToken cancellationToken, LedgerService? ledger = null)
    {
        TreasuryConfiguration configuration;
        try
        {
            configuration = TreasuryConfiguration.Read(CliHost.Configuration);
        }
        catch (InvalidOperationException ex)
        {
            throw new CliException(ex.Message);
        }

        var database = await CliDatabase.OpenAsync(db, cancellationToken);
        var provider = IntelServices.Build(live: false);
        LedgerService? owned = null;
        try
        {
            var intelligence = IntelServices.Resolve<MarketIntelligence>(provider);
            var marketData = IntelServices.Resolve<IMarketDataProvider>(provider);
            var time = provider.GetRequiredService<TimeProvider>();
            if (ledger is null)
            {
                owned = await database.OpenLedgerAsync(time, cancellationToken: cancellationToken);
                ledger = owned;
            }

            var runtime = TreasuryRuntime.Create(configuration, database, ledger, intelligence, marketData, time, provider.GetRequiredService<ILoggerFactory>());
            if (runtime.Notice is not null && Interlocked.Exchange(ref _noticeShown, 1) == 0)
            {
                await Console.Error.WriteLineAsync(runtime.Notice);
            }

            return new TreasuryServices(provider, owned, runtime.Manager, runtime.Journal);
        }
        catch
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }

            await provider.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownedLedger is not null)
        {
            await _ownedLedger.DisposeAsync();
        }

        await _provider.DisposeAsync();
    }
}
