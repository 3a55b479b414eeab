using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Infrastructure.Notifications;

/// <summary>What a channel sends: the notification with its outbox id and this delivery's id (receivers de-duplicate on <see cref="DeliveryId"/>).</summary>
public sealed record OutgoingNotification(Guid NotificationId, Guid DeliveryId, Notification Notification);
