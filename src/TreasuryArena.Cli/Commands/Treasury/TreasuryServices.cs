using TreasuryArena.Core.Application;
using TreasuryArena.Core.Treasury;
using TreasuryArena.Infrastructure.Advice;

namespace TreasuryArena.Cli.Commands.Treasury;

/// <summary>
/// The treasury use cases for one command, resolved from the verb's host (the composition root): configuration
/// (<c>Treasury</c>, <c>Advisor:Rules</c>, <c>Anthropic</c>, validated at start), market data and intelligence (history by
/// default), the database given by <c>--db</c> (every migration applied, 0200 included), the database's one ledger (the
/// treasury's cash, positions and fills are ledger accounts; a caller that already holds a host over the database passes
/// it), and the advisor (Claude when <c>Anthropic:ApiKey</c> is set, else the rules — said once).
/// </summary>
internal sealed class TreasuryServices : IAsyncDisposable
{
    private static int _noticeShown;

    private readonly CliServices? _ownedHost;

    private TreasuryServices(CliServices? ownedHost, TreasuryManager manager, TreasuryUseCases useCases, SqlDecisionJournal journal)
    {
        _ownedHost = ownedHost;
        Manager = manager;
        UseCases = useCases;
        Journal = journal;
    }

    /// <summary>The manager's read side (status, plan, outcomes); runs go through <see cref="UseCases"/>.</summary>
    public TreasuryManager Manager { get; }

    /// <summary>The treasury runs (advise, execute, review) as use cases: the operator acts as admin; each run is audited.</summary>
    public TreasuryUseCases UseCases { get; }

    /// <summary>Lets the "no Claude key" notice show again (it is said once per process; tests run many commands in one).</summary>
    internal static void ResetNotice() => Interlocked.Exchange(ref _noticeShown, 0);

    public SqlDecisionJournal Journal { get; }

    /// <summary>Opens the services over <paramref name="db"/>; <paramref name="host"/> is a host over that database, if the caller has one.</summary>
    public static async Task<TreasuryServices> OpenAsync(string? db, CancellationToken cancellationToken, CliServices? host = null)
    {
        var owned = host is null ? await CliHost.OpenAsync(db, cancellationToken) : null;
        try
        {
            var runtime = (host ?? owned)!.Get<TreasuryRuntime>();
            if (runtime.Notice is not null && Interlocked.Exchange(ref _noticeShown, 1) == 0)
            {
                await Console.Error.WriteLineAsync(runtime.Notice);
            }

            return new TreasuryServices(owned, runtime.Manager, (host ?? owned)!.Get<TreasuryUseCases>(), runtime.Journal);
        }
        catch
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownedHost is not null)
        {
            await _ownedHost.DisposeAsync();
        }
    }
}
