using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TreasuryArena.Infrastructure.Configuration;

namespace TreasuryArena.Infrastructure.Notifications;

/// <summary>
/// The server's background deliverer: a pass of <see cref="NotificationDeliverer"/> when a notification is stored and
/// every <c>Notifications:PollInterval</c> (retries come due by time), unless <c>Notifications:DeliveryEnabled</c> is
/// false. Every instance of a cluster may run it; leases keep each attempt single.
/// </summary>
public sealed partial class NotificationDeliveryService(NotificationDeliverer deliverer, NotificationSignal signal, IOptions<NotificationsOptions> options, ILogger<NotificationDeliveryService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DeliveryEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                DeliveryPass pass;
                do
                {
                    pass = await deliverer.DeliverDueAsync(stoppingToken);
                }
                while (pass.Due == NotificationDeliverer.BatchSize);

                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The database briefly away: logged, and the next poll tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogPassFailed(logger, ex);
                try
                {
                    await Task.Delay(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(EventId = 4403, Level = LogLevel.Warning, Message = "Notification delivery pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception ex);
}
