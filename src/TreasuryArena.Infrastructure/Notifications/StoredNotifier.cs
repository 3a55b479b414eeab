using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Infrastructure.Notifications;

/// <summary>Keeps every notification for the dashboard feed, then forwards it to the webhook when one is configured.</summary>
public sealed class StoredNotifier(IComplianceStore store, WebhookNotifier? webhook) : INotifier, IAsyncDisposable
{
    public async Task NotifyAsync(Notification notification, CancellationToken ct)
    {
        await store.AddNotificationAsync(notification, ct);
        if (webhook is not null)
        {
            await webhook.NotifyAsync(notification, ct);
        }
    }

    /// <summary>Whether notifications are also POSTed to a webhook.</summary>
    public bool HasWebhook => webhook is not null;

    public ValueTask DisposeAsync() => webhook?.DisposeAsync() ?? ValueTask.CompletedTask;
}
