using Dapper;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>Two server instances on one PostgreSQL database: each scheduled slot runs once in the cluster.</summary>
public sealed class ClusterJobTests : IRequiresPostgres
{
    [DbFact]
    public async Task TwoInstances_OnePostgres_RunEachJobSlotOnce()
    {
        await using var db = await TestDatabase.PostgresAsync();
        var settings = new Dictionary<string, string?> { ["Arena:JobsEnabled"] = "true", ["Arena:JobPollSeconds"] = "1" };
        await using var one = new ArenaFactory(db.Connection, new FakeClock(), new Dictionary<string, string?>(settings) { ["Arena:InstanceName"] = "one" });
        await using var two = new ArenaFactory(db.Connection, new FakeClock(), new Dictionary<string, string?>(settings) { ["Arena:InstanceName"] = "two" });
        _ = one.Server;
        _ = two.Server;
        await Task.Delay(TimeSpan.FromSeconds(4));

        var arena = await ArenaDatabase.OpenAsync(db.Connection, TimeProvider.System);
        await using var c = await arena.OpenConnectionAsync();
        var rows = (await c.QueryAsync<(string Job, string Slot, string Instance, string Status)>("SELECT job, slot, instance, status FROM job_runs")).ToList();
        Assert.Equal(["approval-expiry", "compliance-review", "fee-accrual", "hold-expiry", "nav-step", "proposal-expiry", "treasury-daily", "treasury-weekly-review", "wallet-breaker", "wallet-rebalance"], rows.Select(r => r.Job).Order(StringComparer.Ordinal));
        Assert.All(rows.GroupBy(r => (r.Job, r.Slot)), g => Assert.Single(g));
        Assert.All(rows, r => Assert.Equal("succeeded", r.Status));
        Assert.All(rows, r => Assert.True(r.Instance is "one" or "two", r.Instance));
    }
}
