namespace TreasuryArena.Server.Jobs;

/// <summary>What a run knows: when it runs, its slot, and who triggered it (<c>schedule</c> or <c>admin:…</c>).</summary>
public sealed record JobContext(DateTimeOffset Now, DateOnly Today, string Slot, string Trigger)
{
    /// <summary>The trigger of a run started by the scheduler.</summary>
    public const string ScheduleTrigger = "schedule";
}
