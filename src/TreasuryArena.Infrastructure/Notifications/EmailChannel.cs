using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;
using TreasuryArena.Infrastructure.Configuration;

namespace TreasuryArena.Infrastructure.Notifications;

/// <summary>
/// E-mail over SMTP with <see cref="SmtpClient"/> (System.Net.Mail): <c>Notifications:Email:Host</c> and <c>Port</c>,
/// STARTTLS when <c>UseTls</c>, AUTH with <c>Username</c>/<c>Password</c> when set, from <c>From</c> to the delivery's
/// comma-separated addresses. Subject <c>[Treasury Arena] kind: subject</c>, plain-text body with the message. Delivered
/// when the server accepted the message (250 after DATA).
/// </summary>
public sealed class EmailChannel(IOptions<NotificationsOptions> options) : INotificationChannel
{
    public string Name => Core.Notifications.NotificationChannels.Email;

    public async Task SendAsync(OutgoingNotification delivery, string target, string? secret, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var o = options.Value;
        var email = o.Email;
        if (string.IsNullOrWhiteSpace(email.Host) || string.IsNullOrWhiteSpace(email.From))
        {
            throw new NotificationDeliveryException("Notifications:Email:Host and From are not set");
        }

        var n = delivery.Notification;
        using var message = new MailMessage { From = new MailAddress(email.From), Subject = $"[Treasury Arena] {n.Kind}: {n.Subject}" };
        foreach (var to in target.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            message.To.Add(new MailAddress(to));
        }

        message.Body = $"{n.Message}\n\nKind: {n.Kind}\nSubject: {n.Subject}\nAt: {n.At:yyyy-MM-dd HH:mm:ss}Z\nNotification: {delivery.NotificationId}\nDelivery: {delivery.DeliveryId}\n";
        message.Headers.Add("X-Arena-Event", n.Kind);
        message.Headers.Add("X-Arena-Delivery", delivery.DeliveryId.ToString());
        using var smtp = new SmtpClient(email.Host, email.Port)
        {
            EnableSsl = email.UseTls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)Math.Min(int.MaxValue, o.SendTimeout.TotalMilliseconds),
        };
        if (!string.IsNullOrEmpty(email.Username))
        {
            smtp.Credentials = new NetworkCredential(email.Username, email.Password);
        }

        await smtp.SendMailAsync(message, ct);
    }
}
