using System.Net;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>The inception registry through the API: the list, and a token refused before its assets' inception.</summary>
public abstract partial class ApiSuite
{
    [DbFact]
    public async Task MarketInceptions_ShippedHistory_AssetsAndVenuesWithTheirDates()
    {
        var org = await Api.OnboardAsync(Factory, "Inception Readers");
        using var viewer = Factory.ClientWithKey(org.ViewerKey);
        var (status, body) = await Api.GetAsync(viewer, "/api/market/inceptions");

        Assert.Equal(HttpStatusCode.OK, status);
        var assets = body!["assets"]!.AsArray();
        Assert.Equal("2013-12-27", assets.Single(a => a!["asset"]!.GetValue<string>() == "BTC")!["inception"]!.GetValue<string>());
        Assert.Equal("2010-07-13", assets.Single(a => a!["asset"]!.GetValue<string>() == "BTC")!["first_data"]!.GetValue<string>());
        Assert.Equal("2016-01-14", assets.Single(a => a!["asset"]!.GetValue<string>() == "ETH")!["inception"]!.GetValue<string>());
        var venues = body["venues"]!.AsArray();
        Assert.Equal("2020-01-08", venues.Single(v => v!["venue"]!.GetValue<string>() == "aave")!["launch"]!.GetValue<string>());
        Assert.Equal("2021-06-17", venues.Single(v => v!["venue"]!.GetValue<string>() == "pendle")!["launch"]!.GetValue<string>());
        Assert.Contains("T-bill", body["before_launch"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [DbFact]
    public async Task AdminTokens_InceptionBeforeTheAssetsInception_Refused422NamingAssetAndDate()
    {
        using var admin = Admin();
        var (status, problem, _) = await Api.PostAsync(admin, "/api/admin/tokens", new { strategy = "ma-trend", symbol = "EARLY", inception = "2012-06-01" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("before_inception", problem!["code"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]?["inception"]);
        var detail = problem["detail"]!.GetValue<string>();
        Assert.Contains("BTC's inception", detail, StringComparison.Ordinal);
        Assert.Contains("2013-12-27", detail, StringComparison.Ordinal);

        // An ETH strategy is bound by ETH's later inception; on the inception day itself it is issued.
        var (eth, ethProblem, _) = await Api.PostAsync(admin, "/api/admin/tokens", new { strategy = "dual-momentum", symbol = "EARLYE", inception = "2015-12-01" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, eth);
        Assert.Contains("ETH's inception", ethProblem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var (ok, created, _) = await Api.PostAsync(admin, "/api/admin/tokens", new { strategy = "ma-trend", symbol = "ONTIME", inception = "2013-12-27" });
        Assert.Equal(HttpStatusCode.Created, ok);
        Assert.Equal("2013-12-27", created!["inception_date"]!.GetValue<string>());
    }
}
