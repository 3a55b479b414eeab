namespace TreasuryArena.Infrastructure.Notifications;

/// <summary>
/// The named <see cref="HttpClient"/> of the webhook and Telegram channels. It has no retry handler: the outbox owns
/// retries (exponential backoff until expiry), and each attempt is bounded by <c>Notifications:SendTimeout</c>.
/// </summary>
public static class NotificationHttp
{
    public const string ClientName = "notifications";
}
