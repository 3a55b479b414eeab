namespace TreasuryArena.Core.Notifications;

/// <summary>The delivery channels and recipients of the outbox (stored as these strings).</summary>
public static class NotificationChannels
{
    public const string Webhook = "webhook";

    public const string Telegram = "telegram";

    public const string Email = "email";

    /// <summary>The recipient of the <c>Notifications</c> section's own channels.</summary>
    public const string Operator = "operator";
}
