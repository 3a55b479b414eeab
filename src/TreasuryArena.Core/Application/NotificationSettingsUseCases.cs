using System.Text.RegularExpressions;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Notifications;

namespace TreasuryArena.Core.Application;

/// <summary>
/// An organisation's notification recipients and event filter, the same from the API
/// (<c>GET/PUT /api/orgs/me/notifications/settings</c>) and the CLI (<c>arena notifications settings|set --org</c>):
/// any member (or the operator) reads them; a treasurer of the organisation (or the operator) sets them, audited as
/// <c>notifications.settings</c> (the secret never appears in the audit detail). A webhook URL must be absolute http(s),
/// a Telegram chat id a number or <c>@channel</c>, each e-mail address <c>local@domain</c>, each kind one of
/// <see cref="NotificationKinds.All"/>; anything else is refused <c>invalid_notification_settings</c> naming the field.
/// </summary>
public sealed partial class NotificationSettingsUseCases(INotificationSettingsStore store, IAuditLog audit, TimeProvider time)
{
    public const string SetAction = "notifications.settings";

    /// <summary>Most e-mail recipients an organisation may list.</summary>
    public const int MaxEmailRecipients = 10;

    /// <summary>The organisation's settings, or empty ones (nothing beyond the dashboard feed) when none are stored.</summary>
    public async Task<NotificationSettings> GetAsync(Caller actor, Guid organisationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanRead(organisationId))
        {
            throw new DomainException(Outcome.OrganisationNotFound, $"no organisation with id {organisationId}");
        }

        return await store.FindAsync(organisationId, ct) ?? Empty(organisationId);
    }

    /// <summary>Replaces the organisation's recipients and filter; returns what is stored.</summary>
    public async Task<NotificationSettings> SetAsync(Caller actor, Guid organisationId, NotificationSettingsChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(change);
        var subject = organisationId.ToString();
        NotificationSettings saved;
        try
        {
            RoleRules.RequireTreasurer(actor, SetAction);
            if (actor.Role != Role.Admin && actor.OrganisationId != organisationId)
            {
                throw new DomainException(Outcome.OrganisationNotFound, $"no organisation with id {organisationId}");
            }

            var old = await store.FindAsync(organisationId, ct);
            var url = Blank(change.WebhookUrl);
            if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || url.Length > 2000))
            {
                throw Invalid("webhook_url", "webhook_url must be an absolute http or https URL");
            }

            var secret = change.WebhookSecret is null
                ? (url is not null && url == old?.WebhookUrl ? old.WebhookSecret : null)
                : Blank(change.WebhookSecret);
            if (secret is not null && (secret.Length > 200 || FreeText.Violation(secret) is not null))
            {
                throw Invalid("webhook_secret", "webhook_secret must be printable text of at most 200 characters");
            }

            if (secret is not null && url is null)
            {
                throw Invalid("webhook_secret", "webhook_secret needs a webhook_url");
            }

            var chat = Blank(change.TelegramChatId);
            if (chat is not null && !ChatId().IsMatch(chat))
            {
                throw Invalid("telegram_chat_id", "telegram_chat_id must be a chat number (e.g. -1001234567890) or a @channel name");
            }

            var emails = (change.EmailTo ?? []).Select(e => e?.Trim() ?? "").Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (emails.Count > MaxEmailRecipients)
            {
                throw Invalid("email_to", $"email_to lists at most {MaxEmailRecipients} addresses");
            }

            if (emails.FirstOrDefault(e => e.Length > 254 || !Email().IsMatch(e)) is { } bad)
            {
                throw Invalid("email_to", $"email_to: '{FreeText.ForDisplay(bad)}' is not an e-mail address");
            }

            var kinds = (change.Kinds ?? []).Select(k => k?.Trim() ?? "").Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (kinds.FirstOrDefault(k => !NotificationKinds.IsKnown(k)) is { } unknown)
            {
                throw Invalid("kinds", $"kinds: '{FreeText.ForDisplay(unknown)}' is not a notification kind (known: {string.Join(", ", NotificationKinds.All)})");
            }

            saved = new NotificationSettings(organisationId, url, secret, chat, emails, kinds, time.GetUtcNow(), actor.Actor);
            await store.SaveAsync(saved, ct);
        }
        catch (DomainException ex)
        {
            throw await AuditTrail.RefusedAsync(audit, actor, SetAction, subject, ex, null, ct);
        }

        await AuditTrail.DoneAsync(audit, actor, SetAction, subject, new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["webhook_url"] = saved.WebhookUrl,
            ["webhook_signed"] = saved.WebhookSecret is not null,
            ["telegram_chat_id"] = saved.TelegramChatId,
            ["email_to"] = saved.EmailTo,
            ["kinds"] = saved.Kinds,
        }, ct);
        return saved;
    }

    private static NotificationSettings Empty(Guid organisationId) => new(organisationId, null, null, null, [], [], DateTimeOffset.MinValue, "");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DomainException Invalid(string field, string message) => new(Outcome.InvalidNotificationSettings, message) { Field = field };

    [GeneratedRegex(@"^(-?[0-9]{1,20}|@[A-Za-z][A-Za-z0-9_]{3,63})$", RegexOptions.CultureInvariant)]
    private static partial Regex ChatId();

    [GeneratedRegex(@"^[^@\s\p{C}]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
