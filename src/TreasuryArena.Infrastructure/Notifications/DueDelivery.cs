using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Notifications;

namespace TreasuryArena.Infrastructure.Notifications;

/// <summary>A delivery due for an attempt, with its notification.</summary>
public sealed record DueDelivery(NotificationDelivery Delivery, Notification Notification);
