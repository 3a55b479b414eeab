namespace TreasuryArena.Server.Jobs;

/// <summary>The three kinds of schedule.</summary>
public enum JobScheduleKind
{
    Daily,
    Weekly,
    Interval,
}
