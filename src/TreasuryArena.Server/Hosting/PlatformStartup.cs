using Microsoft.Extensions.Options;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Infrastructure.Platform;

namespace TreasuryArena.Server.Hosting;

/// <summary>At start: applies the schema, then registers <c>Arena:BootstrapAdminKey</c> if no admin key exists yet.</summary>
public sealed class PlatformStartup(
    PlatformDatabase database,
    LedgerService ledger,
    IdentityService identity,
    IOptions<ArenaServerOptions> options,
    ILogger<PlatformStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Log.SchemaReady(logger, database.IsPostgreSql ? "postgresql" : "sqlite");
        _ = ledger.Head;
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
