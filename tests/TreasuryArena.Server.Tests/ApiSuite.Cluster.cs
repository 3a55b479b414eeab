using System.Net;
using System.Text.Json.Nodes;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

public abstract partial class ApiSuite
{
    /// <summary>
    /// Two servers on one database (issue 19: the database is the source of truth, processes are caches): what one
    /// writes, the other serves within a second; both take buys on one wallet, and no write is lost, no cash spent
    /// twice, and the journal keeps one chain.
    /// </summary>
    [DbFact]
    public async Task TwoServers_OneDatabase_FollowEachOtherAndBothTakeBuys()
    {
        await using var second = new ArenaFactory(Database.Connection, new FakeClock(), Settings);
        _ = second.Server;
        using var admin = Admin();
        using var admin2 = second.ClientWithKey(ArenaFactory.AdminKey);
        var org = await Api.OnboardAsync(Factory, "Cluster Church");
        using var one = Factory.ClientWithKey(org.TreasurerKey);
        using var two = second.ClientWithKey(org.TreasurerKey);

        // A token and a wallet made through the first server appear on the second (no restart).
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var address = await Trading.CreateWalletAsync(one, 1_000m);
        await SoonAsync(async () => (await Api.GetAsync(two, $"/api/wallet/{address}/status")) is (HttpStatusCode.OK, { } s) && Trading.Cash(s) == 1_000m);
        await SoonAsync(() => IsListedAsync(two, "ALPHA"));

        // A token made through the second server appears in the first one's list.
        await Trading.CreateActiveTokenAsync(admin2, "BRAVO");
        await SoonAsync(() => IsListedAsync(one, "BRAVO"));

        // Both servers take buys on the same wallet at once: $1,000 pays for 16 buys of $60, wherever they land.
        var buys = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
            (await Api.PostAsync(i % 2 == 0 ? one : two, "/api/tokens/buy", new { address, symbol = i % 4 < 2 ? "ALPHA" : "BRAVO", amount = 60m })).Status)));
        Assert.Equal(16, buys.Count(s => s == HttpStatusCode.OK));
        Assert.All(buys.Where(s => s != HttpStatusCode.OK), s => Assert.True(s is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity, s.ToString()));
        foreach (var client in new[] { one, two })
        {
            await SoonAsync(async () => (await Api.GetAsync(client, $"/api/wallet/{address}/status")) is (HttpStatusCode.OK, { } s) && Trading.Cash(s) == 40m);
        }

        var database = await ArenaDatabase.OpenAsync(Database.Connection, TimeProvider.System);
        var verified = await LedgerVerifier.VerifyAsync(database.CreateLedgerJournal());
        Assert.True(verified.Ok, string.Join("; ", verified.Violations.Select(v => v.ToString())));
    }

    private static async Task<bool> IsListedAsync(HttpClient client, string symbol)
    {
        var (status, body) = await Api.GetAsync(client, "/api/tokens/list");
        return status == HttpStatusCode.OK && body!.AsArray().Any(t => t!["symbol"]!.GetValue<string>() == symbol);
    }

    /// <summary>Waits up to one second (the cluster's visibility promise) for <paramref name="condition"/>.</summary>
    private static async Task SoonAsync(Func<Task<bool>> condition)
    {
        var until = Environment.TickCount64 + 1000;
        while (!await condition())
        {
            Assert.True(Environment.TickCount64 < until, "not visible on the other server within one second");
            await Task.Delay(25);
        }
    }
}
