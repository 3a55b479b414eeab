using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Core.Nav;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Endpoints;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

public abstract partial class ApiSuite
{
    [DbFact]
    public async Task TokenList_IsCachedUntilATradeOrANavRowChangesIt()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var org = await Api.OnboardAsync(Factory, "List Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 10_000m);
        var cache = Factory.Services.GetRequiredService<TokenListCache>();

        var (_, before) = await Api.GetAsync(treasurer, "/api/tokens/list");
        var builds = cache.Builds;
        var (_, again) = await Api.GetAsync(treasurer, "/api/tokens/list");
        Assert.Equal(before!.ToJsonString(), again!.ToJsonString());
        Assert.Equal(builds, cache.Builds);
        Assert.Equal(0m, before.AsArray().Single(t => t!["symbol"]!.GetValue<string>() == "ALPHA")!["supply"]!.GetValue<decimal>());

        var (bought, buy, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 500m });
        Assert.True(bought == HttpStatusCode.OK, buy?.ToJsonString());
        var (_, afterBuy) = await Api.GetAsync(treasurer, "/api/tokens/list");
        var alpha = afterBuy!.AsArray().Single(t => t!["symbol"]!.GetValue<string>() == "ALPHA")!;
        Assert.Equal(buy!["shares"]!.GetValue<decimal>(), alpha["supply"]!.GetValue<decimal>());
        Assert.Equal(1, alpha["holders"]!.GetValue<int>());

        var runtime = Factory.Services.GetRequiredService<TokensRuntime>();
        var day = new DateOnly(2026, 3, 3);
        Assert.NotEqual("2026-03-03", alpha["nav_date"]?.GetValue<string>());
        await runtime.NavStore.AppendAsync([new NavHistoryRow("ALPHA", day, 1m, 0m, 1m, 0m, null, null, 495m, 495m, 0m, 0m)], CancellationToken.None);
        var (_, afterNav) = await Api.GetAsync(treasurer, "/api/tokens/list");
        var point = afterNav!.AsArray().Single(t => t!["symbol"]!.GetValue<string>() == "ALPHA")!;
        Assert.Equal("2026-03-03", point["nav_date"]!.GetValue<string>());
        Assert.Equal("2026-03-03", point["nav_history"]!.AsArray()[^1]!["date"]!.GetValue<string>());
    }
}
