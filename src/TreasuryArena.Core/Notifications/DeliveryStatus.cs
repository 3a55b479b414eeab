namespace TreasuryArena.Core.Notifications;

/// <summary>The states of a delivery in the outbox (stored as these strings).</summary>
public static class DeliveryStatus
{
    /// <summary>Not tried yet.</summary>
    public const string Pending = "pending";

    /// <summary>The last attempt failed; the next is due at its <c>next_attempt_at</c>.</summary>
    public const string Failed = "failed";

    /// <summary>Accepted by the receiver (HTTP 2xx, Telegram <c>ok</c>, SMTP 250).</summary>
    public const string Delivered = "delivered";

    /// <summary>Given up: the next attempt would fall after the delivery's expiry.</summary>
    public const string Expired = "expired";
}
