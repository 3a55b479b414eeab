using TreasuryArena.Server.Jobs;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>POST /api/admin/jobs/{name}/run</c>: whether this instance ran it and how it ended.</summary>
public sealed record JobRunOutcomeResponse(string Job, string Slot, bool Ran, string Status, string? Detail)
{
    public static JobRunOutcomeResponse From(JobRunOutcome o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new(o.Job, o.Slot, o.Ran, o.Status, o.Detail);
    }
}
