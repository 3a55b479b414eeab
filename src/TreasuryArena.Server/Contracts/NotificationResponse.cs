using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Notifications;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// A notification (hold, breaker, halt, proposal, job failure…) as the dashboard shows it, with its outbox id and the
/// state of each delivery (an organisation's member sees its own recipients' deliveries; the admin sees every one).
/// </summary>
public sealed record NotificationResponse(Guid? Id, string Kind, string Subject, string Message, DateTimeOffset At, Guid? OrganisationId, List<NotificationDeliveryResponse> Deliveries)
{
    public static NotificationResponse From(Notification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return new(null, n.Kind, n.Subject, n.Message, n.At, n.OrganisationId, []);
    }

    public static NotificationResponse From(NotificationRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var n = r.Notification;
        return new(r.Id, n.Kind, n.Subject, n.Message, n.At, n.OrganisationId, r.Deliveries.Select(NotificationDeliveryResponse.From).ToList());
    }
}
