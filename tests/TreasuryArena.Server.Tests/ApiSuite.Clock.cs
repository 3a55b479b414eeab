using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>Issue 19, one business clock: the platform date, NAV steps that stop there, valuation dates on the wallet's pages.</summary>
public abstract partial class ApiSuite
{
    // The shipped history: ETH ends 2026-02-22, BTC 2026-04-13; the platform date is the last day both have a close.
    private static readonly DateOnly ShippedPlatformDate = new(2026, 2, 22);

    [DbFact]
    public async Task Bug_19_NavStepJob_WallClockPastTheData_StepsToThePlatformDate_NotToTheLastBtcClose()
    {
        using var admin = Admin();
        var (created, body, _) = await Api.PostAsync(admin, "/api/admin/tokens", new { strategy = "ma-trend", symbol = "CLOCK", inception = "2026-01-02" });
        Assert.True(created == HttpStatusCode.Created, $"create token: {created} {body}");
        Factory.Clock.Advance(TimeSpan.FromDays(280));

        var (ran, run, _) = await Api.PostAsync(admin, "/api/admin/jobs/nav-step/run", new { });

        Assert.Equal(HttpStatusCode.OK, ran);
        var tokens = Factory.Services.GetRequiredService<Infrastructure.Storage.TokensRuntime>();
        var last = Assert.Single(await tokens.NavStore.HistoryAsync("CLOCK", 1, CancellationToken.None)).Date;
        // A BTC-only strategy has BTC closes to 2026-04-13, but the platform has no ETH price after 2026-02-22.
        Assert.Equal(ShippedPlatformDate, last);
        Assert.Contains("NAV stepped to 2026-02-22", run!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(Factory.Services.GetRequiredService<LedgerService>().GetToken("CLOCK")!.Token.LastFeeDate <= ShippedPlatformDate);

        using var anonymous = Factory.ClientWithKey(null);
        var (_, health) = await Api.GetAsync(anonymous, "/health");
        Assert.Equal("2026-02-22", health!["platform_date"]!.GetValue<string>());
        Assert.Equal("history", health["clock_mode"]!.GetValue<string>());
        var (status, clock) = await Api.GetAsync(admin, "/api/market/clock");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2026-02-22", clock!["platform_date"]!.GetValue<string>());
        Assert.Equal("2026-04-13", clock["assets"]!.AsArray().Single(a => a!["asset"]!.GetValue<string>() == "BTC")!["last_close"]!.GetValue<string>());
    }

    [DbFact]
    public async Task Bug_19_WalletTransactions_CarryValuationDates_OpenedOnThePlatformDate()
    {
        using var admin = Admin();
        var (created, body, _) = await Api.PostAsync(admin, "/api/admin/tokens", new { strategy = "ma-trend", symbol = "VDATE", inception = "2026-01-02" });
        Assert.True(created == HttpStatusCode.Created, $"create token: {created} {body}");
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/tokens/VDATE/activate", new { reason = "test" })).Status);
        var org = await Api.OnboardAsync(Factory, "Valuation Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 5_000m);
        var (bought, buy, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "VDATE", amount = 1_000m });
        Assert.True(bought == HttpStatusCode.OK, $"buy: {bought} {buy}");

        var (status, page) = await Api.GetAsync(treasurer, $"/api/wallet/{address}/transactions");

        Assert.Equal(HttpStatusCode.OK, status);
        var rows = page!["transactions"]!.AsArray();
        var deposit = rows.Single(r => r!["type"]!.GetValue<string>() == "deposit")!;
        var trade = rows.Single(r => r!["type"]!.GetValue<string>() == "buy")!;
        // The wall clock says March; the deposit is dated on the platform date, the buy on the date of the NAV it was priced at.
        Assert.StartsWith("2026-03-02", deposit["at"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("2026-02-22", deposit["valuation_date"]!.GetValue<string>());
        Assert.Equal("2026-01-02", trade["valuation_date"]!.GetValue<string>());
        var wallet = await Trading.StatusAsync(treasurer, address);
        Assert.Equal("2026-02-22", wallet["opened_on"]!.GetValue<string>());
        Assert.StartsWith("2026-03-02", wallet["created_at"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
