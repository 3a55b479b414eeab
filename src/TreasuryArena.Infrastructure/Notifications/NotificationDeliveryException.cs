namespace TreasuryArena.Infrastructure.Notifications;

/// <summary>A receiver refused or failed a delivery (HTTP status outside 2xx, Telegram <c>ok: false</c>); the outbox retries it.</summary>
public sealed class NotificationDeliveryException : Exception
{
    public NotificationDeliveryException()
    {
    }

    public NotificationDeliveryException(string message)
        : base(message)
    {
    }

    public NotificationDeliveryException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
