using Microsoft.Extensions.Options;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Notifications;
using TreasuryArena.Infrastructure.Platform;
using TreasuryArena.Server.Hosting;

namespace TreasuryArena.Server.Jobs;

/// <summary>
/// Runs a job slot at most once per cluster: the slot is claimed by inserting its row in <c>job_runs</c> (the primary
/// key decides between instances sharing the database), then the job runs and its status is recorded; a failure is
/// notified (<c>job_failed</c>, a platform event).
/// </summary>
public sealed class JobRunner(IEnumerable<IScheduledJob> jobs, SqlJobRunStore runs, TimeProvider time, IOptions<ArenaServerOptions> options, ILogger<JobRunner> logger, INotifier notifier)
{
    private readonly Dictionary<string, IScheduledJob> _jobs = jobs.ToDictionary(j => j.Name, StringComparer.OrdinalIgnoreCase);

    public string Instance { get; } = options.Value.InstanceName ?? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    public IReadOnlyCollection<IScheduledJob> Jobs => _jobs.Values;

    public IScheduledJob? Find(string name) => _jobs.GetValueOrDefault(name);

    public async Task<JobRunOutcome> RunAsync(IScheduledJob job, string slot, string trigger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        var now = time.GetUtcNow();
        if (!await runs.TryClaimAsync(job.Name, slot, Instance, trigger, now, ct))
        {
            return new JobRunOutcome(job.Name, slot, false, "already_claimed", null);
        }

        Log.JobClaimed(logger, job.Name, slot, Instance, trigger);
        string status;
        string? detail;
        try
        {
            detail = await job.RunAsync(new JobContext(now, DateOnly.FromDateTime(now.UtcDateTime), slot, trigger), ct);
            status = "succeeded";
        }
#pragma warning disable CA1031 // A failing job is recorded as failed; the scheduler keeps going.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.JobFailed(logger, ex, job.Name, slot);
            status = "failed";
            detail = ex.GetType().Name + ": " + ex.Message;
        }

        await runs.CompleteAsync(job.Name, slot, status, detail, time.GetUtcNow(), CancellationToken.None);
        if (status == "failed")
        {
            await notifier.NotifyAsync(new Notification(NotificationKinds.JobFailed, job.Name,
                $"job {job.Name} failed (slot {slot}, {trigger}, instance {Instance}): {detail}", time.GetUtcNow(), null), CancellationToken.None);
        }

        Log.JobFinished(logger, job.Name, slot, status);
        return new JobRunOutcome(job.Name, slot, true, status, detail);
    }
}
