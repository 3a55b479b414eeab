namespace TreasuryArena.Core.Notifications;

/// <summary>
/// An organisation's own recipients and event filter, set by its treasurer: a webhook (signed with the organisation's
/// own secret when it set one), a Telegram chat of the platform's bot and e-mail addresses (over the platform's SMTP
/// server). <see cref="Kinds"/> empty means every kind; otherwise only the listed kinds reach these recipients. The
/// dashboard feed always shows every notification of the organisation.
/// </summary>
public sealed record NotificationSettings(
    Guid OrganisationId,
    string? WebhookUrl,
    string? WebhookSecret,
    string? TelegramChatId,
    IReadOnlyList<string> EmailTo,
    IReadOnlyList<string> Kinds,
    DateTimeOffset UpdatedAt,
    string UpdatedBy)
{
    /// <summary>Whether a notification of <paramref name="kind"/> passes the filter.</summary>
    public bool Wants(string kind) => Kinds.Count == 0 || Kinds.Contains(kind, StringComparer.Ordinal);
}
