namespace TreasuryArena.Core.Notifications;

/// <summary>Port: each organisation's notification recipients and filter (migration 0560).</summary>
public interface INotificationSettingsStore
{
    Task<NotificationSettings?> FindAsync(Guid organisationId, CancellationToken ct);

    Task SaveAsync(NotificationSettings settings, CancellationToken ct);
}
