using TreasuryArena.Infrastructure.Platform;

namespace TreasuryArena.Server.Contracts;

/// <summary>One recorded run of a scheduled job.</summary>
public sealed record JobRunResponse(string Job, string Slot, string Instance, string Trigger, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Status, string? Detail)
{
    public static JobRunResponse From(JobRun r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Job, r.Slot, r.Instance, r.Trigger, r.StartedAt, r.FinishedAt, r.Status, r.Detail);
    }
}
