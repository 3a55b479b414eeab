using Microsoft.Extensions.Options;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Notifications;
using TreasuryArena.Infrastructure.Configuration;

namespace TreasuryArena.Infrastructure.Notifications;

/// <summary>
/// The platform's notifier: stores each notification in the outbox with one delivery per recipient channel, in one
/// transaction, then wakes the deliverer; nothing is sent on the caller's path. Routes: the operator's channels
/// (<c>Notifications:WebhookUrl</c>, the Telegram <c>ChatId</c>, the e-mail <c>To</c>) get every notification whose kind
/// passes <c>Notifications:Kinds</c>; an organisation's notification also goes to the recipients in its settings when its
/// kind passes the organisation's filter (Telegram only with the platform's bot token, e-mail only with an SMTP host).
/// </summary>
public sealed class OutboxNotifier(
    SqlNotificationOutbox outbox, INotificationSettingsStore settings, IOptions<NotificationsOptions> options, string? deprecatedWebhookUrl, NotificationSignal signal, TimeProvider time)
    : INotifier
{
    public async Task NotifyAsync(Notification notification, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var routes = await RoutesAsync(notification, ct);
        await outbox.EnqueueAsync(notification, routes, time.GetUtcNow(), options.Value.Expiry, ct);
        if (routes.Count > 0)
        {
            signal.Wake();
        }
    }

    /// <summary>Where <paramref name="notification"/> goes (see the class summary).</summary>
    public async Task<IReadOnlyList<DeliveryRoute>> RoutesAsync(Notification notification, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var o = options.Value;
        var routes = new List<DeliveryRoute>();
        if (o.Kinds.Count == 0 || o.Kinds.Contains(notification.Kind, StringComparer.Ordinal))
        {
            var url = string.IsNullOrWhiteSpace(o.WebhookUrl) ? deprecatedWebhookUrl : o.WebhookUrl;
            if (!string.IsNullOrWhiteSpace(url))
            {
                routes.Add(new DeliveryRoute(NotificationChannels.Operator, NotificationChannels.Webhook, url));
            }

            if (o.HasOperatorTelegram)
            {
                routes.Add(new DeliveryRoute(NotificationChannels.Operator, NotificationChannels.Telegram, o.Telegram.ChatId!));
            }

            if (!string.IsNullOrWhiteSpace(o.Email.Host) && o.OperatorEmails.Count > 0)
            {
                routes.Add(new DeliveryRoute(NotificationChannels.Operator, NotificationChannels.Email, string.Join(", ", o.OperatorEmails)));
            }
        }

        if (notification.OrganisationId is { } org && await settings.FindAsync(org, ct) is { } s && s.Wants(notification.Kind))
        {
            var recipient = org.ToString();
            if (s.WebhookUrl is not null)
            {
                routes.Add(new DeliveryRoute(recipient, NotificationChannels.Webhook, s.WebhookUrl));
            }

            if (s.TelegramChatId is not null && !string.IsNullOrWhiteSpace(o.Telegram.BotToken))
            {
                routes.Add(new DeliveryRoute(recipient, NotificationChannels.Telegram, s.TelegramChatId));
            }

            if (s.EmailTo.Count > 0 && !string.IsNullOrWhiteSpace(o.Email.Host))
            {
                routes.Add(new DeliveryRoute(recipient, NotificationChannels.Email, string.Join(", ", s.EmailTo)));
            }
        }

        return routes;
    }
}
