namespace TreasuryArena.Server.Jobs;

/// <summary>A scheduled job: it calls other areas' use cases and returns a one-line summary of what it did.</summary>
public interface IScheduledJob
{
    string Name { get; }

    string Description { get; }

    JobSchedule Schedule { get; }

    Task<string> RunAsync(JobContext context, CancellationToken ct);
}
