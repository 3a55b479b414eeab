namespace TreasuryArena.Server.Jobs;

/// <summary>The result of asking to run a job slot: whether this instance ran it, and how it ended.</summary>
public sealed record JobRunOutcome(string Job, string Slot, bool Ran, string Status, string? Detail);
