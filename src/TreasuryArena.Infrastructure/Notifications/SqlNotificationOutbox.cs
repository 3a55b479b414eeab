using System.Text.Json;
using Dapper;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Notifications;
using TreasuryArena.Infrastructure.Platform;

namespace TreasuryArena.Infrastructure.Notifications;

/// <summary>
/// The notification outbox (migration 0560): a notification and one delivery row per recipient channel are written in
/// one transaction; the deliverer claims due rows with a lease (one process of a cluster sends each attempt) and records
/// every attempt's outcome. Each organisation's recipients and filter live here too (<see cref="INotificationSettingsStore"/>).
/// </summary>
public sealed class SqlNotificationOutbox(PlatformDatabase database) : INotificationSettingsStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    /// <summary>Stores <paramref name="notification"/> and its deliveries (all <c>pending</c>, due now) atomically; returns the notification's id.</summary>
    public async Task<Guid> EnqueueAsync(Notification notification, IReadOnlyList<DeliveryRoute> routes, DateTimeOffset now, TimeSpan expiry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(routes);
        var id = Guid.CreateVersion7(notification.At);
        await using var c = await database.OpenAsync(ct);
        await using var tx = await PlatformDatabase.BeginWriteAsync(c, ct);
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO notifications (id, kind, subject, message, at, organisation_id) VALUES (@Id, @Kind, @Subject, @Message, @At, @Org)",
            new
            {
                Id = id.ToString(),
                notification.Kind,
                notification.Subject,
                notification.Message,
                At = Ticks.From(notification.At),
                Org = notification.OrganisationId?.ToString(),
            },
            tx,
            cancellationToken: ct));
        foreach (var r in routes)
        {
            await c.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO notification_deliveries (id, notification_id, recipient, channel, target, status, attempts, last_error, created_at, next_attempt_at, expires_at, delivered_at, lease_until, lease_owner)
                VALUES (@Id, @Notification, @Recipient, @Channel, @Target, @Status, 0, NULL, @Now, @Now, @Expires, NULL, NULL, NULL)
                """,
                new
                {
                    Id = Guid.CreateVersion7(now).ToString(),
                    Notification = id.ToString(),
                    r.Recipient,
                    r.Channel,
                    r.Target,
                    Status = DeliveryStatus.Pending,
                    Now = Ticks.From(now),
                    Expires = Ticks.From(notification.At + expiry),
                },
                tx,
                cancellationToken: ct));
        }

        await tx.CommitAsync(ct);
        return id;
    }

    /// <summary>Deliveries due at <paramref name="now"/> (pending or failed, not leased by a live claim), oldest due first.</summary>
    public async Task<IReadOnlyList<DueDelivery>> DueAsync(DateTimeOffset now, int limit, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var rows = await c.QueryAsync<DueRow>(new CommandDefinition(
            """
            SELECT d.id, d.notification_id, d.recipient, d.channel, d.target, d.status, d.attempts, d.last_error, d.created_at, d.next_attempt_at,
                   d.expires_at, d.delivered_at, n.kind, n.subject, n.message, n.at, n.organisation_id
            FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
            WHERE d.status IN ('pending', 'failed') AND d.next_attempt_at <= @Now AND (d.lease_until IS NULL OR d.lease_until < @Now)
            ORDER BY d.next_attempt_at, d.id
            LIMIT @Limit
            """,
            new { Now = Ticks.From(now), Limit = (long)limit },
            cancellationToken: ct));
        return rows.Select(r => new DueDelivery(r.ToDelivery(), new Notification(r.kind, r.subject, r.message, Ticks.To(r.at), r.organisation_id is null ? null : Guid.Parse(r.organisation_id)))).ToList();
    }

    /// <summary>Claims a due delivery until <paramref name="leaseUntil"/>; false when another process claimed or finished it first.</summary>
    public async Task<bool> TryClaimAsync(Guid id, DateTimeOffset now, DateTimeOffset leaseUntil, string owner, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var n = await c.ExecuteAsync(new CommandDefinition(
            """
            UPDATE notification_deliveries SET lease_until = @Until, lease_owner = @Owner
            WHERE id = @Id AND status IN ('pending', 'failed') AND next_attempt_at <= @Now AND (lease_until IS NULL OR lease_until < @Now)
            """,
            new { Id = id.ToString(), Now = Ticks.From(now), Until = Ticks.From(leaseUntil), Owner = owner },
            cancellationToken: ct));
        return n == 1;
    }

    /// <summary>Records an attempt's outcome and releases the lease.</summary>
    public async Task RecordAsync(Guid id, string status, int attempts, string? lastError, DateTimeOffset nextAttemptAt, DateTimeOffset? deliveredAt, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            """
            UPDATE notification_deliveries SET status = @Status, attempts = @Attempts, last_error = @Error, next_attempt_at = @Next, delivered_at = @Delivered,
                   lease_until = NULL, lease_owner = NULL
            WHERE id = @Id
            """,
            new { Id = id.ToString(), Status = status, Attempts = (long)attempts, Error = lastError, Next = Ticks.From(nextAttemptAt), Delivered = deliveredAt is { } d ? Ticks.From(d) : (long?)null },
            cancellationToken: ct));
    }

    /// <summary>
    /// The latest notifications (an organisation's and the platform's, or every one when <paramref name="organisationId"/>
    /// is null) with their deliveries: an organisation sees only its own recipients' deliveries.
    /// </summary>
    public async Task<IReadOnlyList<NotificationRecord>> ListAsync(Guid? organisationId, int limit, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var rows = (await c.QueryAsync<NotificationRow>(new CommandDefinition(
            "SELECT * FROM notifications WHERE (@Org IS NULL OR organisation_id = @Org OR organisation_id IS NULL) ORDER BY at DESC, id DESC LIMIT @Limit",
            new { Org = organisationId?.ToString(), Limit = (long)limit },
            cancellationToken: ct))).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var deliveries = (await c.QueryAsync<DeliveryRow>(new CommandDefinition(
            $"SELECT * FROM notification_deliveries WHERE notification_id {(database.IsPostgreSql ? "= ANY(@Ids)" : "IN @Ids")} AND (@Org IS NULL OR recipient = @Org) ORDER BY created_at, id",
            new { Ids = rows.Select(r => r.id).ToArray(), Org = organisationId?.ToString() },
            cancellationToken: ct))).Select(d => d.ToDelivery()).ToLookup(d => d.NotificationId);
        return rows.Select(r =>
        {
            var id = Guid.Parse(r.id);
            return new NotificationRecord(id, new Notification(r.kind, r.subject, r.message, Ticks.To(r.at), r.organisation_id is null ? null : Guid.Parse(r.organisation_id)), deliveries[id].ToList());
        }).ToList();
    }

    public async Task<NotificationSettings?> FindAsync(Guid organisationId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<SettingsRow>(new CommandDefinition(
            "SELECT * FROM notification_settings WHERE organisation_id = @Org", new { Org = organisationId.ToString() }, cancellationToken: ct));
        return row is null
            ? null
            : new NotificationSettings(organisationId, row.webhook_url, row.webhook_secret, row.telegram_chat_id,
                JsonSerializer.Deserialize<List<string>>(row.email_to, Json) ?? [], JsonSerializer.Deserialize<List<string>>(row.kinds, Json) ?? [],
                Ticks.To(row.updated_at), row.updated_by);
    }

    public async Task SaveAsync(NotificationSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO notification_settings (organisation_id, webhook_url, webhook_secret, telegram_chat_id, email_to, kinds, updated_at, updated_by)
            VALUES (@Org, @Url, @Secret, @Chat, @Email, @Kinds, @At, @By)
            ON CONFLICT (organisation_id) DO UPDATE SET webhook_url = excluded.webhook_url, webhook_secret = excluded.webhook_secret,
              telegram_chat_id = excluded.telegram_chat_id, email_to = excluded.email_to, kinds = excluded.kinds, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """,
            new
            {
                Org = settings.OrganisationId.ToString(),
                Url = settings.WebhookUrl,
                Secret = settings.WebhookSecret,
                Chat = settings.TelegramChatId,
                Email = JsonSerializer.Serialize(settings.EmailTo, Json),
                Kinds = JsonSerializer.Serialize(settings.Kinds, Json),
                At = Ticks.From(settings.UpdatedAt),
                By = settings.UpdatedBy,
            },
            cancellationToken: ct));
    }

#pragma warning disable CA1812, IDE1006 // Instantiated by Dapper; column names are snake_case.
    private class DeliveryRow
    {
        public string id { get; set; } = "";
        public string notification_id { get; set; } = "";
        public string recipient { get; set; } = "";
        public string channel { get; set; } = "";
        public string target { get; set; } = "";
        public string status { get; set; } = "";
        public long attempts { get; set; }
        public string? last_error { get; set; }
        public long created_at { get; set; }
        public long next_attempt_at { get; set; }
        public long expires_at { get; set; }
        public long? delivered_at { get; set; }

        public NotificationDelivery ToDelivery() => new(Guid.Parse(id), Guid.Parse(notification_id), recipient, channel, target, status, checked((int)attempts), last_error,
            Ticks.To(created_at), Ticks.To(next_attempt_at), Ticks.To(expires_at), Ticks.To(delivered_at));
    }

    private sealed class DueRow : DeliveryRow
    {
        public string kind { get; set; } = "";
        public string subject { get; set; } = "";
        public string message { get; set; } = "";
        public long at { get; set; }
        public string? organisation_id { get; set; }
    }

    private sealed class NotificationRow
    {
        public string id { get; set; } = "";
        public string kind { get; set; } = "";
        public string subject { get; set; } = "";
        public string message { get; set; } = "";
        public long at { get; set; }
        public string? organisation_id { get; set; }
    }

    private sealed class SettingsRow
    {
        public string? webhook_url { get; set; }
        public string? webhook_secret { get; set; }
        public string? telegram_chat_id { get; set; }
        public string email_to { get; set; } = "[]";
        public string kinds { get; set; } = "[]";
        public long updated_at { get; set; }
        public string updated_by { get; set; } = "";
    }
#pragma warning restore CA1812, IDE1006
}
