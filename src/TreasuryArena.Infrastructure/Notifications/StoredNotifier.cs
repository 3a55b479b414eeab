using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Infrastructure.Notifications;

/// <summary>Keeps every notification for the dashboard feed only, with no delivery (scratch evaluations, tests); hosts use <see cref="OutboxNotifier"/>.</summary>
public sealed class StoredNotifier(IComplianceStore store) : INotifier
{
    public Task NotifyAsync(Notification notification, CancellationToken ct) => store.AddNotificationAsync(notification, ct);
}
