using Dapper;

namespace TreasuryArena.Infrastructure.Platform;

/// <summary>
/// Scheduled-job runs. A run is claimed by inserting its (job, slot) row: the primary key lets exactly one
/// instance of a cluster win a slot, whatever the number of servers sharing the database.
/// </summary>
public sealed class SqlJobRunStore(PlatformDatabase database)
{
    public async Task<bool> TryClaimAsync(string job, string slot, string instance, string trigger, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var n = await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO job_runs (job, slot, instance, trigger, started_at, status) VALUES (@Job, @Slot, @Instance, @Trigger, @At, 'running') ON CONFLICT (job, slot) DO NOTHING",
            new { Job = job, Slot = slot, Instance = instance, Trigger = trigger, At = Ticks.From(at) },
            cancellationToken: ct));
        return n == 1;
    }

    public async Task CompleteAsync(string job, string slot, string status, string? detail, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE job_runs SET status = @Status, detail = @Detail, finished_at = @At WHERE job = @Job AND slot = @Slot",
            new { Job = job, Slot = slot, Status = status, Detail = detail, At = Ticks.From(at) },
            cancellationToken: ct));
    }

    public async Task<IReadOnlyList<JobRun>> ListAsync(string? job, int limit, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var rows = await c.QueryAsync<Row>(new CommandDefinition(
            "SELECT * FROM job_runs WHERE (@Job IS NULL OR job = @Job) ORDER BY started_at DESC LIMIT @Limit",
            new { Job = job, Limit = (long)limit },
            cancellationToken: ct));
        return rows.Select(r => new JobRun(r.job, r.slot, r.instance, r.trigger, Ticks.To(r.started_at), Ticks.To(r.finished_at), r.status, r.detail)).ToList();
    }

#pragma warning disable CA1812, IDE1006 // Instantiated by Dapper; column names are snake_case.
    private sealed class Row
    {
        public string job { get; set; } = "";
        public string slot { get; set; } = "";
        public string instance { get; set; } = "";
        public string trigger { get; set; } = "";
        public long started_at { get; set; }
        public long? finished_at { get; set; }
        public string status { get; set; } = "";
        public string? detail { get; set; }
    }
#pragma warning restore CA1812, IDE1006
}
