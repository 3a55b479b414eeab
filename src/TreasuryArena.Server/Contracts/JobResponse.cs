namespace TreasuryArena.Server.Contracts;

/// <summary>A scheduled job, its schedule and its latest runs.</summary>
public sealed record JobResponse(string Name, string Description, string Schedule, string CurrentSlot, IReadOnlyList<JobRunResponse> LastRuns);
