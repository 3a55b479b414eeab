using Microsoft.Extensions.Options;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Infrastructure.Advice;
using TreasuryArena.Infrastructure.Platform;

namespace TreasuryArena.Server.Hosting;

/// <summary>At start: applies the schema, wires the treasury (bad <c>Treasury</c>/<c>Anthropic</c> configuration fails here), then registers <c>Arena:BootstrapAdminKey</c> if no admin key exists yet.</summary>
public sealed class PlatformStartup(
    PlatformDatabase database,
    LedgerService ledger,
    IdentityService identity,
    TreasuryRuntime treasury,
    IOptions<ArenaServerOptions> options,
    ILogger<PlatformStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Log.SchemaReady(logger, database.IsPostgreSql ? "postgresql" : "sqlite");
        _ = ledger.Head;
        if (treasury.Notice is not null)
        {
            Log.AdvisorNotice(logger, treasury.Notice);
        }

        if (options.Value.BootstrapAdminKey is { Length: > 0 } preset)
        {
            var issued = await identity.BootstrapAdminAsync("bootstrap-admin", preset, force: false, cancellationToken);
            if (issued is not null)
            {
                Log.BootstrapKeyRegistered(logger, issued.MemberName);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
