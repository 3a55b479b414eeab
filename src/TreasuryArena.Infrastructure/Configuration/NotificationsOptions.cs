using System.ComponentModel.DataAnnotations;

namespace TreasuryArena.Infrastructure.Configuration;

/// <summary>Where notifications (holds, breakers, halts, pending approvals) go besides the dashboard feed (section <c>Notifications</c>).</summary>
public sealed class NotificationsOptions
{
    public const string SectionName = "Notifications";

    /// <summary>JSON POST of each notification (optional; retried through the shared resilience handler).</summary>
    [Url]
    public string? WebhookUrl { get; set; }
}
