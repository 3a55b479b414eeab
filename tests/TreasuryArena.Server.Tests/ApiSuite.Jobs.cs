using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

public abstract partial class ApiSuite
{
    [DbFact]
    public async Task Jobs_ListedAndRunNowByAdmin_AreRecorded()
    {
        using var admin = Admin();
        var (status, jobs) = await Api.GetAsync(admin, "/api/admin/jobs");
        Assert.Equal(HttpStatusCode.OK, status);
        var names = jobs!.AsArray().Select(j => j!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("fee-accrual", names);
        Assert.Contains("wallet-breaker", names);

        var (ran, run, _) = await Api.PostAsync(admin, "/api/admin/jobs/fee-accrual/run", new { });
        Assert.Equal(HttpStatusCode.OK, ran);
        Assert.True(run!["ran"]!.GetValue<bool>());
        Assert.Equal("succeeded", run["status"]!.GetValue<string>());
        var (_, runs) = await Api.GetAsync(admin, "/api/admin/jobs/runs?job=fee-accrual");
        Assert.Single(runs!.AsArray());
        Assert.StartsWith("admin:", runs[0]!["trigger"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await Api.PostAsync(admin, "/api/admin/jobs/nope/run", new { })).Status);
        var org = await Api.OnboardAsync(Factory, "Job Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.PostAsync(treasurer, "/api/admin/jobs/fee-accrual/run", new { })).Status);
    }

    [DbFact]
    public async Task WalletBreaker_FullAiWalletFarBelowPeak_MovesToHybridAndNotifies()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var org = await Api.OnboardAsync(Factory, "Breaker Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 10_000m, mode: "full_ai");
        await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 2_000m });
        await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 2_000m });
        await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 2_000m });
        await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 2_000m });
        await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 1_900m });
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/jobs/wallet-breaker/run", new { })).Status);
        Assert.Equal("full_ai", (await Trading.StatusAsync(treasurer, address))["mode"]!.GetValue<string>());

        var ledger = Factory.Services.GetRequiredService<LedgerService>();
        Assert.True((await ledger.RevalueAsync("ALPHA", UnitPrice.Of(0.8m), "test-crash")).Accepted);
        var (_, run, _) = await Api.PostAsync(admin, "/api/admin/jobs/wallet-breaker/run", new { });
        Assert.Contains(address, run!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("hybrid", (await Trading.StatusAsync(treasurer, address))["mode"]!.GetValue<string>());
        var (_, notes) = await Api.GetAsync(treasurer, "/api/notifications");
        Assert.Contains(notes!.AsArray(), n => n!["kind"]!.GetValue<string>() == "wallet_drawdown_breaker");
    }
}
