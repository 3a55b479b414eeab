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
        var address = await Trading.CreateWalletAsync(treasurer, 10_000m, mode: "full_ai", risk: "conservative");
        await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 2_000m });
        await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 2_000m });
        await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 2_000m });
        await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 2_000m });
        await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 1_900m });
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/jobs/wallet-breaker/run", new { })).Status);
        Assert.Equal("full_ai", (await Trading.StatusAsync(treasurer, address))["mode"]!.GetValue<string>());

        var ledger = Factory.Services.GetRequiredService<LedgerService>();
        // A 30% fall: past the CONSERVATIVE wallet's limit (22.5% = 1.5 × its 15% volatility ceiling).
        Assert.True((await ledger.RevalueAsync("ALPHA", UnitPrice.Of(0.7m), "test-crash")).Accepted);
        var (_, run, _) = await Api.PostAsync(admin, "/api/admin/jobs/wallet-breaker/run", new { });
        Assert.Contains(address, run!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("hybrid", (await Trading.StatusAsync(treasurer, address))["mode"]!.GetValue<string>());
        var (_, notes) = await Api.GetAsync(treasurer, "/api/notifications");
        Assert.Contains(notes!.AsArray(), n => n!["kind"]!.GetValue<string>() == "wallet_drawdown_breaker");

        // The review: while the wallet stays near its trough it stays HYBRID; once it is back half the way from the trough
        // to the peak, the breaker returns it to FULL_AI (audited and notified) and its peak restarts there.
        Assert.True((await ledger.RevalueAsync("ALPHA", UnitPrice.Of(0.81m), "test-flat")).Accepted);
        await Api.PostAsync(admin, "/api/admin/jobs/wallet-breaker/run", new { });
        Assert.Equal("hybrid", (await Trading.StatusAsync(treasurer, address))["mode"]!.GetValue<string>());
        Assert.True((await ledger.RevalueAsync("ALPHA", UnitPrice.Of(0.95m), "test-recovery")).Accepted);
        var (_, back, _) = await Api.PostAsync(admin, "/api/admin/jobs/wallet-breaker/run", new { });
        Assert.Contains("back to FULL_AI", back!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("full_ai", (await Trading.StatusAsync(treasurer, address))["mode"]!.GetValue<string>());
        var (_, after) = await Api.GetAsync(treasurer, "/api/notifications");
        Assert.Contains(after!.AsArray(), n => n!["kind"]!.GetValue<string>() == "wallet_breaker_resumed");
    }

    [DbFact]
    public async Task Bug_18_WalletBreaker_LimitFollowsTheTolerance_AnAggressiveWalletRidesOutAFallThatTripsAConservativeOne()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "BETA");
        var org = await Api.OnboardAsync(Factory, "Tolerance Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var conservative = await Trading.CreateWalletAsync(treasurer, 10_000m, mode: "full_ai", risk: "conservative");
        var aggressive = await Trading.CreateWalletAsync(treasurer, 10_000m, mode: "full_ai", risk: "aggressive");
        foreach (var address in new[] { conservative, aggressive })
        {
            for (var i = 0; i < 5; i++)
            {
                await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "BETA", amount = i < 4 ? 2_000m : 1_900m });
            }
        }

        await Api.PostAsync(admin, "/api/admin/jobs/wallet-breaker/run", new { });
        var ledger = Factory.Services.GetRequiredService<LedgerService>();
        // A 30% fall: past CONSERVATIVE's 22.5% (1.5 × its 15% volatility ceiling), inside AGGRESSIVE's 50%.
        Assert.True((await ledger.RevalueAsync("BETA", UnitPrice.Of(0.7m), "test-fall")).Accepted);
        await Api.PostAsync(admin, "/api/admin/jobs/wallet-breaker/run", new { });
        Assert.Equal("hybrid", (await Trading.StatusAsync(treasurer, conservative))["mode"]!.GetValue<string>());
        Assert.Equal("full_ai", (await Trading.StatusAsync(treasurer, aggressive))["mode"]!.GetValue<string>());
        var (_, breakers) = await Api.GetAsync(admin, "/api/admin/breakers");
        var rows = breakers!["wallets"]!.AsArray();
        Assert.Equal(0.225m, rows.Single(w => w!["address"]!.GetValue<string>() == conservative)!["limit"]!.GetValue<decimal>());
        Assert.Equal(0.5m, rows.Single(w => w!["address"]!.GetValue<string>() == aggressive)!["limit"]!.GetValue<decimal>());
        Assert.Contains("volatility ceiling", breakers["wallet_breaker_rule"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [DbFact]
    public async Task Bug_19_FeeAccrual_PastTheEndOfMarketData_NoFeeOnDaysWithoutANav()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "FEEND");
        // The shipped prices end (BTC 2026-04-13); the wall clock runs on to December.
        Factory.Clock.Advance(TimeSpan.FromDays(280));
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/jobs/nav-step/run", new { })).Status);
        var (ran, run, _) = await Api.PostAsync(admin, "/api/admin/jobs/fee-accrual/run", new { });
        Assert.Equal(HttpStatusCode.OK, ran);

        var tokens = Factory.Services.GetRequiredService<Infrastructure.Storage.TokensRuntime>();
        var lastNav = Assert.Single(await tokens.NavStore.HistoryAsync("FEEND", 1, CancellationToken.None)).Date;
        var today = DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime);
        Assert.True(lastNav < today.AddDays(-100), $"last NAV {lastNav} should be where the prices end, not near {today}");
        var lastFee = Factory.Services.GetRequiredService<LedgerService>().GetToken("FEEND")!.Token.LastFeeDate;
        Assert.True(lastFee <= lastNav, $"fees accrued through {lastFee}, past the last NAV {lastNav}: {run}");
    }

}
