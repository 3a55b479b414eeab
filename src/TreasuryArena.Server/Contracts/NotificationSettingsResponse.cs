using TreasuryArena.Core.Notifications;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// An organisation's notification settings (the webhook secret is never returned, only whether one is set), which
/// channels the platform can deliver (<c>channels</c>: Telegram needs the operator's bot token, e-mail an SMTP host) and
/// every kind an event filter may name.
/// </summary>
public sealed record NotificationSettingsResponse(
    Guid OrganisationId,
    string? WebhookUrl,
    bool WebhookSigned,
    string? TelegramChatId,
    IReadOnlyList<string> EmailTo,
    IReadOnlyList<string> Kinds,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy,
    IReadOnlyDictionary<string, bool> Channels,
    IReadOnlyList<string> KnownKinds)
{
    public static NotificationSettingsResponse From(NotificationSettings s, IReadOnlyDictionary<string, bool> channels)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.OrganisationId, s.WebhookUrl, s.WebhookSecret is not null, s.TelegramChatId, s.EmailTo, s.Kinds,
            s.UpdatedBy.Length == 0 ? null : s.UpdatedAt, s.UpdatedBy.Length == 0 ? null : s.UpdatedBy, channels, NotificationKinds.All);
    }
}
