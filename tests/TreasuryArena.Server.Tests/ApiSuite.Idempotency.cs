using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

public abstract partial class ApiSuite
{
    [DbFact]
    public async Task Mutation_RepeatedIdempotencyKey_ReturnsFirstResponseAndChangesNothing()
    {
        using var admin = Admin();
        var first = await Api.PostAsync(admin, "/api/admin/orgs", new { name = "Idem Church", type = "church", plan = "free" }, "create-idem-1");
        var second = await Api.PostAsync(admin, "/api/admin/orgs", new { name = "Idem Church", type = "church", plan = "free" }, "create-idem-1");
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Created, second.Status);
        Assert.Equal(first.Body!.ToJsonString(), second.Body!.ToJsonString());
        Assert.True(second.Response.Headers.Contains("Idempotent-Replayed"));
        var (_, list) = await Api.GetAsync(admin, "/api/admin/orgs");
        Assert.Single(list!.AsArray());
    }

    [DbFact]
    public async Task Mutation_IdempotencyKeyReusedForDifferentBody_Is422()
    {
        using var admin = Admin();
        await Api.PostAsync(admin, "/api/admin/orgs", new { name = "First", type = "church", plan = "free" }, "k-1");
        var (status, body, _) = await Api.PostAsync(admin, "/api/admin/orgs", new { name = "Second", type = "church", plan = "free" }, "k-1");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("idempotency_key_reused", body!["code"]!.GetValue<string>());
        var (_, list) = await Api.GetAsync(admin, "/api/admin/orgs");
        Assert.Single(list!.AsArray());
    }

    [DbFact]
    public async Task Mutation_ParallelRepeatsOfOneKey_CreateOnce()
    {
        using var admin = Admin();
        var tasks = Enumerable.Range(0, 10).Select(_ => Api.PostAsync(admin, "/api/admin/orgs", new { name = "Parallel", type = "church", plan = "free" }, "parallel-1"));
        var results = await Task.WhenAll(tasks);
        Assert.All(results, r => Assert.True(r.Status is HttpStatusCode.Created or HttpStatusCode.Conflict, r.Status.ToString()));
        var (_, list) = await Api.GetAsync(admin, "/api/admin/orgs");
        Assert.Single(list!.AsArray());
    }

    [DbFact]
    public async Task Buy_IdempotencyKeyLivesForTheWindow_ServerKeysAreNotRemembered()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "IDEM");
        var org = await Api.OnboardAsync(Factory, "Window Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 10_000m);
        var ledger = Factory.Services.GetRequiredService<LedgerService>();
        Assert.Equal(TimeSpan.FromHours(24), ledger.IdempotencyWindow);
        var database = Factory.Services.GetRequiredService<ArenaDatabase>();
        Assert.Equal(database.Provider == DatabaseProvider.Sqlite, database.BackgroundCheckpoints);
        var order = new { address, symbol = "IDEM", amount = 100m };

        var first = await Api.PostAsync(treasurer, "/api/tokens/buy", order, "window-1");
        Assert.True(first.Status == HttpStatusCode.OK, first.Body?.ToJsonString());
        var remembered = ledger.RememberedKeys;

        // Trades without a client key get a server key that can never repeat: the ledger remembers none of them.
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(treasurer, "/api/tokens/buy", order)).Status);
        }

        Assert.Equal(remembered, ledger.RememberedKeys);

        Factory.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1));
        var repeat = await Api.PostAsync(treasurer, "/api/tokens/buy", order, "window-1");
        Assert.Equal(first.Body!.ToJsonString(), repeat.Body!.ToJsonString());
        Assert.True(repeat.Response.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(10_000m - 1_100m, ledger.GetWallet(address)!.Cash.Amount);

        // After the window the key is a new request: it trades again.
        Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var after = await Api.PostAsync(treasurer, "/api/tokens/buy", order, "window-1");
        Assert.True(after.Status == HttpStatusCode.OK, after.Body?.ToJsonString());
        Assert.False(after.Response.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(10_000m - 1_200m, ledger.GetWallet(address)!.Cash.Amount);
    }
}
