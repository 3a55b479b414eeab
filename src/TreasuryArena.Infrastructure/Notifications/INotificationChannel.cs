using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Infrastructure.Notifications;

/// <summary>
/// One way of delivering a notification (webhook, Telegram, e-mail). <see cref="SendAsync"/> returns when the receiver
/// accepted it and throws (<see cref="NotificationDeliveryException"/> or the transport's own exception) when it did not;
/// the outbox records the failure and retries.
/// </summary>
public interface INotificationChannel
{
    /// <summary>The channel's name as stored on deliveries (<c>webhook</c>, <c>telegram</c>, <c>email</c>).</summary>
    string Name { get; }

    /// <param name="delivery">The delivery's and notification's ids and the notification.</param>
    /// <param name="target">The delivery's target: URL, chat id or comma-separated addresses.</param>
    /// <param name="secret">The webhook's signing secret, when the recipient has one.</param>
    /// <param name="ct">Cancelled at the attempt's timeout.</param>
    Task SendAsync(OutgoingNotification delivery, string target, string? secret, CancellationToken ct);
}
