using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Server.Contracts;

/// <summary>A notification (hold, breaker, pending approval) as the dashboard shows it.</summary>
public sealed record NotificationResponse(string Kind, string Subject, string Message, DateTimeOffset At, Guid? OrganisationId)
{
    public static NotificationResponse From(Notification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return new(n.Kind, n.Subject, n.Message, n.At, n.OrganisationId);
    }
}
