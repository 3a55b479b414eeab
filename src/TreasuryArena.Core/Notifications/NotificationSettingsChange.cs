namespace TreasuryArena.Core.Notifications;

/// <summary>
/// A treasurer's new recipients and filter (every field replaces the stored one; null or empty clears it).
/// <see cref="WebhookSecret"/> null keeps the stored secret when the webhook URL is unchanged; empty clears it.
/// </summary>
public sealed record NotificationSettingsChange(
    string? WebhookUrl,
    string? WebhookSecret,
    string? TelegramChatId,
    IReadOnlyList<string>? EmailTo,
    IReadOnlyList<string>? Kinds);
