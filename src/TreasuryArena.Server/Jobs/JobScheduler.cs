using Microsoft.Extensions.Options;
using TreasuryArena.Server.Hosting;

namespace TreasuryArena.Server.Jobs;

/// <summary>
/// Polls every <see cref="ArenaServerOptions.JobPollSeconds"/> and runs each job's current slot if no instance has
/// claimed it yet. Every instance may run the scheduler; the claim in <see cref="JobRunner"/> keeps runs single.
/// </summary>
public sealed class JobScheduler(JobRunner runner, TimeProvider time, IOptions<ArenaServerOptions> options, ILogger<JobScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.JobsEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.JobPollSeconds));
        do
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed tick (database briefly away) is logged; the next tick tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.SchedulerFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task TickAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var job in runner.Jobs)
        {
            await runner.RunAsync(job, job.Schedule.CurrentSlot(now), JobContext.ScheduleTrigger, ct);
        }
    }
}
