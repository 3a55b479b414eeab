namespace TreasuryArena.Core.Notifications;

/// <summary>
/// One channel's delivery of one notification to one recipient (<c>operator</c> or an organisation id), as the outbox
/// records it: <see cref="Status"/> is one of <see cref="DeliveryStatus"/>'s values, <see cref="Attempts"/> the attempts
/// made, <see cref="LastError"/> why the last one failed, <see cref="NextAttemptAt"/> when the next is due (pending or
/// failed) and <see cref="ExpiresAt"/> when the outbox gives up.
/// </summary>
public sealed record NotificationDelivery(
    Guid Id,
    Guid NotificationId,
    string Recipient,
    string Channel,
    string Target,
    string Status,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? DeliveredAt);
