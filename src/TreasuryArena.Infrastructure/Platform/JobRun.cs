namespace TreasuryArena.Infrastructure.Platform;

/// <summary>One recorded run of a scheduled job.</summary>
public sealed record JobRun(
    string Job,
    string Slot,
    string Instance,
    string Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Status,
    string? Detail);
