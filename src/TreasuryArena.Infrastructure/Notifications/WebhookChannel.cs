using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TreasuryArena.Infrastructure.Notifications;

/// <summary>
/// POSTs the notification as JSON (snake_case: <c>id</c>, <c>delivery_id</c>, <c>kind</c>, <c>subject</c>, <c>message</c>,
/// <c>at</c>, <c>organisation_id</c>) with <c>X-Arena-Event: kind</c>, <c>X-Arena-Delivery: delivery id</c> and, when the
/// recipient has a secret, <c>X-Arena-Signature: sha256=&lt;hex&gt;</c>: the lowercase hex HMAC-SHA256 of the raw body
/// bytes under the secret's UTF-8 bytes. Any 2xx is delivered; anything else is a failure the outbox retries.
/// </summary>
public sealed class WebhookChannel(IHttpClientFactory http) : INotificationChannel
{
    public const string SignatureHeader = "X-Arena-Signature";
    public const string EventHeader = "X-Arena-Event";
    public const string DeliveryHeader = "X-Arena-Delivery";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string Name => Core.Notifications.NotificationChannels.Webhook;

    public async Task SendAsync(OutgoingNotification delivery, string target, string? secret, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var n = delivery.Notification;
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            id = delivery.NotificationId,
            delivery_id = delivery.DeliveryId,
            kind = n.Kind,
            subject = n.Subject,
            message = n.Message,
            at = n.At,
            organisation_id = n.OrganisationId,
        }, Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(EventHeader, n.Kind);
        request.Headers.Add(DeliveryHeader, delivery.DeliveryId.ToString());
        if (!string.IsNullOrEmpty(secret))
        {
            request.Headers.Add(SignatureHeader, Signature(secret, body));
        }

        using var client = http.CreateClient(NotificationHttp.ClientName);
        using var response = await client.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new NotificationDeliveryException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }
    }

    /// <summary>The header value for <paramref name="body"/>: <c>sha256=</c> and the lowercase hex HMAC-SHA256 under <paramref name="secret"/>.</summary>
    public static string Signature(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
