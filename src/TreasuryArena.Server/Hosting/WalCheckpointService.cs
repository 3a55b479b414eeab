using Microsoft.Extensions.Options;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Server.Hosting;

/// <summary>
/// On SQLite, checkpoints the WAL every <c>Arena:WalCheckpointMilliseconds</c> (default 500) from its own connection (PASSIVE: readers and writers go on), so
/// no committing writer of the ledger, audit or idempotency records ever runs a checkpoint inside its commit (see
/// <see cref="ArenaDatabase.UseBackgroundCheckpoints"/>, set when the server opens its database). A failed checkpoint
/// is logged and tried again at the next tick; a last one runs at shutdown. On PostgreSQL it does nothing.
/// </summary>
public sealed class WalCheckpointService(ArenaDatabase database, IOptions<ArenaServerOptions> options, ILogger<WalCheckpointService> logger) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await CheckpointAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!database.BackgroundCheckpoints)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.WalCheckpointMilliseconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckpointAsync(CancellationToken ct)
    {
        if (!database.BackgroundCheckpoints)
        {
            return;
        }

        try
        {
            await database.CheckpointAsync(cancellationToken: ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && ex is not OutOfMemoryException)
        {
            Log.CheckpointFailed(logger, ex);
        }
    }
}
