using System.Globalization;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Server.Jobs;

/// <summary>
/// Daily: each organisation's overdue yearly-review items are notified (<c>compliance_review_overdue</c>), once per
/// item and due date, through the outbox like every other notification.
/// </summary>
public sealed class ComplianceReviewJob(TokensRuntime tokens) : IScheduledJob
{
    public string Name => "compliance-review";

    public string Description => "Notify each organisation's overdue yearly compliance-review items";

    public JobSchedule Schedule { get; } = JobSchedule.Daily(6, 0);

    public async Task<string> RunAsync(JobContext context, CancellationToken ct)
    {
        var sent = await tokens.Documents.NotifyOverdueAsync(ct);
        return string.Create(CultureInfo.InvariantCulture, $"{sent} overdue review items notified");
    }
}
