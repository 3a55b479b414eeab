using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TreasuryArena.Infrastructure.Configuration;

namespace TreasuryArena.Infrastructure.Notifications;

/// <summary>
/// The Telegram Bot API's <c>sendMessage</c>: <c>POST {Notifications:Telegram:BaseUrl}/bot{BotToken}/sendMessage</c> with
/// the JSON body <c>{"chat_id": target, "text": …}</c> (plain text: the kind and subject on the first line, the message
/// below). Delivered when the answer is 2xx with <c>"ok": true</c>; otherwise the Bot API's <c>description</c> is the
/// recorded error. The token is never logged or stored in an error.
/// </summary>
public sealed class TelegramChannel(IHttpClientFactory http, IOptions<NotificationsOptions> options) : INotificationChannel
{
    public string Name => Core.Notifications.NotificationChannels.Telegram;

    public async Task SendAsync(OutgoingNotification delivery, string target, string? secret, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var telegram = options.Value.Telegram;
        if (string.IsNullOrWhiteSpace(telegram.BotToken))
        {
            throw new NotificationDeliveryException("Notifications:Telegram:BotToken is not set");
        }

        var n = delivery.Notification;
        var url = new Uri(telegram.BaseUrl.TrimEnd('/') + "/bot" + telegram.BotToken + "/sendMessage");
        var text = $"[{n.Kind}] {n.Subject}\n{n.Message}";
        using var client = http.CreateClient(NotificationHttp.ClientName);
        using var response = await client.PostAsJsonAsync(url, new Dictionary<string, string> { ["chat_id"] = target, ["text"] = text }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        bool ok;
        string? description = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            ok = doc.RootElement.TryGetProperty("ok", out var o) && o.ValueKind == JsonValueKind.True;
            description = doc.RootElement.TryGetProperty("description", out var d) ? d.GetString() : null;
        }
        catch (JsonException)
        {
            ok = false;
        }

        if (!response.IsSuccessStatusCode || !ok)
        {
            throw new NotificationDeliveryException($"Telegram sendMessage: HTTP {(int)response.StatusCode}{(description is null ? "" : ": " + description)}");
        }
    }
}
