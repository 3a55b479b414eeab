using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

public abstract partial class ApiSuite
{
    [DbFact]
    public async Task Optimizer_SuggestRebalanceProposals_ForOwnWalletOnly()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var a = await Api.OnboardAsync(Factory, "Optimizer Church");
        var b = await Api.OnboardAsync(Factory, "Nosy Church");
        using var treasurer = Factory.ClientWithKey(a.TreasurerKey);
        using var other = Factory.ClientWithKey(b.TreasurerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 1_000m, mode: "hybrid");

        var allocations = Factory.Services.GetRequiredService<TokensRuntime>().Allocations;
        var stored = (await allocations.SnapshotsAsync(address, 100, CancellationToken.None)).Count;
        var (status, suggestion) = await Api.GetAsync(treasurer, $"/api/wallet/{address}/suggested");
        Assert.True(status == HttpStatusCode.OK, suggestion?.ToJsonString());
        Assert.Equal(address, suggestion!["address"]!.GetValue<string>());
        Assert.NotNull(suggestion["reason"]);
        // Issue 18: the recommendation states the tolerance's limits (the wallet is MODERATE by default: 30%, 60%), the
        // target's expected volatility and how expected returns were estimated.
        var expected = suggestion["expected"]!;
        Assert.Equal(0.30m, expected["risk_limits"]!["volatility_ceiling"]!.GetValue<decimal>());
        Assert.Equal(0.60m, expected["risk_limits"]!["volatile_share_cap"]!.GetValue<decimal>());
        Assert.True(expected["expected_volatility"]!.GetValue<decimal>() <= 0.30m);
        Assert.False(string.IsNullOrEmpty(expected["expected_returns_method"]!.GetValue<string>()));
        Assert.NotNull(expected["objective"]);

        // A GET is safe: viewing the suggestion (a page may poll it) stores no snapshot.
        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(treasurer, $"/api/wallet/{address}/suggested")).Status);
        Assert.Equal(stored, (await allocations.SnapshotsAsync(address, 100, CancellationToken.None)).Count);

        var (dry, plan, _) = await Api.PostAsync(treasurer, "/api/wallet/rebalance", new { address, dry_run = true });
        Assert.True(dry == HttpStatusCode.OK, plan?.ToJsonString());
        Assert.Equal(1_000m, Trading.Cash(await Trading.StatusAsync(treasurer, address)));

        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(treasurer, $"/api/wallet/{address}/proposals")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(other, $"/api/wallet/{address}/suggested")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(other, $"/api/wallet/{address}/proposals")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.PostAsync(other, "/api/wallet/rebalance", new { address, dry_run = true })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.PostAsync(treasurer, $"/api/wallet/proposals/{Guid.NewGuid()}/approve", new { })).Status);
    }
}
