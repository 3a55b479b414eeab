namespace TreasuryArena.Server.Contracts;

/// <summary>
/// An organisation's notification recipients and event filter (<c>PUT /api/orgs/me/notifications/settings</c>): every
/// field replaces the stored one (null or empty clears it); <c>webhook_secret</c> null keeps the stored secret while the
/// URL is unchanged. <c>kinds</c> empty means every kind.
/// </summary>
public sealed record NotificationSettingsRequest(
    string? WebhookUrl,
    string? WebhookSecret,
    string? TelegramChatId,
    List<string>? EmailTo,
    List<string>? Kinds);
