using TreasuryArena.Core.Notifications;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// One delivery of a notification: the recipient (<c>operator</c> or the organisation's id), the channel (webhook,
/// telegram, email), the target (a webhook URL is shown without its query string), the status (pending, failed,
/// delivered, expired), the attempts made, the last error, when the next attempt is due and when it expires.
/// </summary>
public sealed record NotificationDeliveryResponse(
    Guid Id, string Recipient, string Channel, string Target, string Status, int Attempts, string? LastError,
    DateTimeOffset? NextAttemptAt, DateTimeOffset ExpiresAt, DateTimeOffset? DeliveredAt)
{
    public static NotificationDeliveryResponse From(NotificationDelivery d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var target = d.Channel == NotificationChannels.Webhook && Uri.TryCreate(d.Target, UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Path)
            : d.Target;
        var open = d.Status is DeliveryStatus.Pending or DeliveryStatus.Failed;
        return new(d.Id, d.Recipient, d.Channel, target, d.Status, d.Attempts, d.LastError, open ? d.NextAttemptAt : null, d.ExpiresAt, d.DeliveredAt);
    }
}
