using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TreasuryArena.Core.Notifications;
using TreasuryArena.Infrastructure.Configuration;

namespace TreasuryArena.Infrastructure.Notifications;

/// <summary>
/// One pass over the outbox (<see cref="DeliverDueAsync"/>): every due delivery (pending, or failed and past its next
/// attempt) is claimed with a lease, sent through its channel within <c>Notifications:SendTimeout</c> and recorded:
/// <c>delivered</c>; or, on failure, <c>failed</c> with the error and the next attempt after a backoff of
/// <c>InitialBackoff × 2^(attempts − 1)</c> capped at <c>MaxBackoff</c>; or <c>expired</c> when that next attempt would
/// fall after the delivery's expiry (the notification's instant plus <c>Notifications:Expiry</c>). The state is in the
/// database, so a delivery that failed before a restart is retried after it, by whichever process runs the deliverer.
/// </summary>
public sealed partial class NotificationDeliverer(
    SqlNotificationOutbox outbox, INotificationSettingsStore settings, IEnumerable<INotificationChannel> channels, IOptions<NotificationsOptions> options,
    TimeProvider time, ILogger<NotificationDeliverer> logger)
{
    /// <summary>Most deliveries one pass takes.</summary>
    public const int BatchSize = 50;

    private const int MaxErrorLength = 500;

    private readonly Dictionary<string, INotificationChannel> _channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>This process's name on the leases it takes.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>The delay before attempt <paramref name="attempts"/> + 1 after <paramref name="attempts"/> failed ones.</summary>
    public static TimeSpan Backoff(TimeSpan initial, TimeSpan max, int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 40));
        var ticks = initial.Ticks * factor;
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Attempts every due delivery once; returns how many were delivered, failed (to retry) and expired.</summary>
    public async Task<DeliveryPass> DeliverDueAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        int delivered = 0, failed = 0, expired = 0;
        var due = await outbox.DueAsync(now, BatchSize, ct);
        foreach (var (d, n) in due)
        {
            if (!await outbox.TryClaimAsync(d.Id, now, now + o.SendTimeout + o.SendTimeout + TimeSpan.FromSeconds(30), Owner, ct))
            {
                continue;
            }

            if (now >= d.ExpiresAt)
            {
                await outbox.RecordAsync(d.Id, DeliveryStatus.Expired, d.Attempts, d.LastError ?? "expired before an attempt was made", d.NextAttemptAt, null, ct);
                expired++;
                continue;
            }

            var attempts = d.Attempts + 1;
            try
            {
                var channel = _channels.GetValueOrDefault(d.Channel) ?? throw new NotificationDeliveryException($"no channel '{d.Channel}'");
                var secret = d.Channel == NotificationChannels.Webhook ? await SecretAsync(d.Recipient, ct) : null;
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(o.SendTimeout);
                await channel.SendAsync(new OutgoingNotification(d.NotificationId, d.Id, n), d.Target, secret, timeout.Token);
                await outbox.RecordAsync(d.Id, DeliveryStatus.Delivered, attempts, null, now, time.GetUtcNow(), CancellationToken.None);
                LogDelivered(logger, n.Kind, d.Channel, d.Recipient, attempts);
                delivered++;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Shutting down: release the claim as it was, the next process picks the delivery up.
                await outbox.RecordAsync(d.Id, d.Status, d.Attempts, d.LastError, d.NextAttemptAt, null, CancellationToken.None);
                throw;
            }
#pragma warning disable CA1031 // Any failure of one delivery is recorded and retried; it must not stop the others.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                var error = Describe(ex);
                var next = time.GetUtcNow() + Backoff(o.InitialBackoff, o.MaxBackoff, attempts);
                var status = next > d.ExpiresAt ? DeliveryStatus.Expired : DeliveryStatus.Failed;
                await outbox.RecordAsync(d.Id, status, attempts, error, next, null, CancellationToken.None);
                LogFailed(logger, n.Kind, d.Channel, d.Recipient, attempts, status, error);
                if (status == DeliveryStatus.Expired)
                {
                    expired++;
                }
                else
                {
                    failed++;
                }
            }
        }

        return new DeliveryPass(due.Count, delivered, failed, expired);
    }

    private async Task<string?> SecretAsync(string recipient, CancellationToken ct) =>
        recipient == NotificationChannels.Operator
            ? options.Value.WebhookSecret
            : Guid.TryParse(recipient, out var org) ? (await settings.FindAsync(org, ct))?.WebhookSecret : null;

    private static string Describe(Exception ex)
    {
        var text = ex is OperationCanceledException ? "timed out" : ex.InnerException is { } inner && ex is not NotificationDeliveryException
            ? $"{ex.GetType().Name}: {ex.Message} ({inner.Message})"
            : ex is NotificationDeliveryException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
        return text.Length > MaxErrorLength ? text[..MaxErrorLength] : text;
    }

    [LoggerMessage(EventId = 4401, Level = LogLevel.Debug, Message = "Notification {Kind} delivered by {Channel} to {Recipient} (attempt {Attempts})")]
    private static partial void LogDelivered(ILogger logger, string kind, string channel, string recipient, int attempts);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Warning, Message = "Notification {Kind} by {Channel} to {Recipient} failed (attempt {Attempts}, now {Status}): {Error}")]
    private static partial void LogFailed(ILogger logger, string kind, string channel, string recipient, int attempts, string status, string error);
}
