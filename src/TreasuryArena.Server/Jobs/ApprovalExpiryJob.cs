using System.Globalization;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Server.Jobs;

/// <summary>
/// Hourly: two-person approvals not given within <c>Approvals:Lifetime</c> (default 72 h) expire, each audited
/// (<c>approval.expire</c>) and notified (<c>approval_expired</c>); nothing executes. The same call as
/// <c>arena approvals expire</c>.
/// </summary>
public sealed class ApprovalExpiryJob(ApprovalUseCases approvals) : IScheduledJob
{
    public string Name => "approval-expiry";

    public string Description => "Expire two-person approvals not given within the approval lifetime";

    public JobSchedule Schedule { get; } = JobSchedule.Every(60);

    public async Task<string> RunAsync(JobContext context, CancellationToken ct)
    {
        var expired = await approvals.ExpireAsync(Caller.Job(Name), ct);
        return string.Create(CultureInfo.InvariantCulture, $"{expired.Count} approvals expired");
    }
}
