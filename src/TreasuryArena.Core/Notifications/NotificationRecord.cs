using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Core.Notifications;

/// <summary>A stored notification with its id and its deliveries (what the dashboard's notifications page shows).</summary>
public sealed record NotificationRecord(Guid Id, Notification Notification, IReadOnlyList<NotificationDelivery> Deliveries);
