namespace TreasuryArena.Core.Compliance;

/// <summary>Port: tell people (webhook, dashboard feed). Must not throw for delivery failures.</summary>
public interface INotifier
{
    Task NotifyAsync(Notification notification, CancellationToken ct);
}
