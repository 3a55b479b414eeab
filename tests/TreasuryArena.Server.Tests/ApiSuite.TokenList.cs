using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Core.Nav;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Endpoints;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

public abstract partial class ApiSuite
{
    private static readonly DateOnly HistoryStart = new(2026, 1, 1);

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
        Assert.Equal(0m, Listed(before, "ALPHA")["supply"]!.GetValue<decimal>());
        Assert.Empty(Listed(before, "ALPHA")["sparkline"]!.AsArray()); // no NAV step yet

        var (bought, buy, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 500m });
        Assert.True(bought == HttpStatusCode.OK, buy?.ToJsonString());
        var (_, afterBuy) = await Api.GetAsync(treasurer, "/api/tokens/list");
        var alpha = Listed(afterBuy!, "ALPHA");
        Assert.Equal(buy!["shares"]!.GetValue<decimal>(), alpha["supply"]!.GetValue<decimal>());
        Assert.Equal(1, alpha["holders"]!.GetValue<int>());

        var runtime = Factory.Services.GetRequiredService<TokensRuntime>();
        var day = new DateOnly(2026, 3, 3);
        Assert.NotEqual("2026-03-03", alpha["nav_date"]?.GetValue<string>());
        await runtime.NavStore.AppendAsync([NavRow("ALPHA", day, 1.0123m)], CancellationToken.None);
        var (_, afterNav) = await Api.GetAsync(treasurer, "/api/tokens/list");
        var point = Listed(afterNav!, "ALPHA");
        Assert.Equal("2026-03-03", point["nav_date"]!.GetValue<string>());
        Assert.Equal(1.0123m, point["sparkline"]!.AsArray()[^1]!.GetValue<decimal>());
    }

    [DbFact]
    public async Task Bug_16_TokenList_Return90dIsTheNinetyDayChange_NullOnAShorterRecord()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        await Trading.CreateActiveTokenAsync(admin, "BRAVO");
        using var viewer = Factory.ClientWithKey((await Api.OnboardAsync(Factory, "Return Church")).ViewerKey);
        var runtime = Factory.Services.GetRequiredService<TokensRuntime>();
        await runtime.NavStore.AppendAsync([.. Enumerable.Range(0, 120).Select(d => NavRow("ALPHA", HistoryStart.AddDays(d), DayNav(d)))], CancellationToken.None);
        await runtime.NavStore.AppendAsync([.. Enumerable.Range(0, 60).Select(d => NavRow("BRAVO", HistoryStart.AddDays(d), DayNav(d)))], CancellationToken.None);

        var (_, list) = await Api.GetAsync(viewer, "/api/tokens/list");

        var alpha = Listed(list!, "ALPHA");
        Assert.Equal(Core.Common.RoundingPolicy.Ratio((DayNav(119) / DayNav(29)) - 1m), alpha["return_90d"]!.GetValue<decimal>()); // NAV_t / NAV_{t−90} − 1, not annualised
        Assert.Equal("tbill-3m", alpha["risk_free"]!.GetValue<string>());
        Assert.InRange(alpha["risk_free_rate_90d"]!.GetValue<decimal>(), 0.001m, 0.06m);
        var bravo = Listed(list!, "BRAVO");
        Assert.Null(bravo["return_90d"]); // 59 days of NAVs: no 90-day change (not the change since inception)
        Assert.Null(bravo["sharpe_90d"]);
    }

    [DbFact]
    public async Task TokenList_SparklineAndChanges_AreTheInfoNavHistoryPoints()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        using var viewer = Factory.ClientWithKey((await Api.OnboardAsync(Factory, "Spark Church")).ViewerKey);
        // 120 daily points; NAV 1 + day/1000, so each number names its day.
        var runtime = Factory.Services.GetRequiredService<TokensRuntime>();
        await runtime.NavStore.AppendAsync([.. Enumerable.Range(0, 120).Select(d => NavRow("ALPHA", HistoryStart.AddDays(d), DayNav(d)))], CancellationToken.None);

        var (status, list) = await Api.GetAsync(viewer, "/api/tokens/list");
        Assert.Equal(HttpStatusCode.OK, status);
        var alpha = Listed(list!, "ALPHA");
        Assert.Null(alpha["nav_history"]);
        Assert.Null(alpha["lifecycle"]);
        // The window is the last 91 points (days 29..119): its first point, then every 7th day back from day 119.
        decimal[] expected = [DayNav(29), .. Enumerable.Range(0, 13).Select(k => DayNav(119 - (7 * (12 - k))))];
        Assert.Equal(expected, alpha["sparkline"]!.AsArray().Select(v => v!.GetValue<decimal>()));
        Assert.Equal(Core.Common.RoundingPolicy.Ratio((DayNav(119) / DayNav(118)) - 1m), alpha["change_1d"]!.GetValue<decimal>());
        Assert.Equal(Core.Common.RoundingPolicy.Ratio((DayNav(119) / DayNav(89)) - 1m), alpha["change_30d"]!.GetValue<decimal>());
        Assert.Equal(Core.Common.RoundingPolicy.Ratio((expected[^1] / expected[0]) - 1m), alpha["return_90d"]!.GetValue<decimal>());

        var (_, info) = await Api.GetAsync(viewer, "/api/tokens/ALPHA/info");
        var history = info!["nav_history"]!.AsArray().ToDictionary(p => p!["date"]!.GetValue<string>(), p => p!["nav"]!.GetValue<decimal>());
        Assert.Equal(120, history.Count);
        Assert.Equal(DayNav(119 - 35), history[HistoryStart.AddDays(119 - 35).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.Equal(alpha["sparkline"]!.ToJsonString(), info["sparkline"]!.ToJsonString());
        Assert.Equal(alpha["change_30d"]!.GetValue<decimal>(), info["change_30d"]!.GetValue<decimal>());
        Assert.Equal(alpha["change_1d"]!.GetValue<decimal>(), info["metrics"]!["change_1d"]!.GetValue<decimal>());
        Assert.Equal(alpha["return_90d"]!.GetValue<decimal>(), info["metrics"]!["return_90d"]!.GetValue<decimal>());
    }

    [DbFact]
    public async Task TokenList_ETag_Answers304UntilTheListChanges()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var org = await Api.OnboardAsync(Factory, "ETag Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 10_000m);

        using var first = await GetListAsync(treasurer, null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.Contains("no-cache", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var body = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, first.Content.Headers.ContentLength);

        using (var same = await GetListAsync(treasurer, etag.Tag))
        {
            Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
            Assert.Empty(await same.Content.ReadAsByteArrayAsync());
            Assert.Equal(etag, same.Headers.ETag);
        }

        using (var weak = await GetListAsync(treasurer, "\"other\", W/" + etag.Tag))
        {
            Assert.Equal(HttpStatusCode.NotModified, weak.StatusCode);
        }

        using (var other = await GetListAsync(treasurer, "\"other\""))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            Assert.Equal(body, await other.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 500m })).Status);
        using var changed = await GetListAsync(treasurer, etag.Tag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.True(Listed(JsonNode.Parse(await changed.Content.ReadAsStringAsync())!, "ALPHA")["supply"]!.GetValue<decimal>() > 0m);

        // A client that accepts gzip gets the same bytes compressed, under an ETag of their own.
        using var zipped = await GetListAsync(treasurer, null, "br, gzip;q=0.8");
        Assert.Equal("gzip", Assert.Single(zipped.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", zipped.Headers.Vary);
        var compressed = await zipped.Content.ReadAsByteArrayAsync();
        using (var unzip = new System.IO.Compression.GZipStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress))
        using (var plain = new MemoryStream())
        {
            await unzip.CopyToAsync(plain);
            Assert.Equal(await changed.Content.ReadAsByteArrayAsync(), plain.ToArray());
            Assert.True(compressed.Length < plain.Length, $"{compressed.Length} of {plain.Length} bytes");
        }

        Assert.NotEqual(changed.Headers.ETag, zipped.Headers.ETag);
        using (var zippedAgain = await GetListAsync(treasurer, zipped.Headers.ETag!.Tag, "gzip"))
        {
            Assert.Equal(HttpStatusCode.NotModified, zippedAgain.StatusCode);
        }

        using (var refusedGzip = await GetListAsync(treasurer, null, "gzip;q=0, *"))
        {
            Assert.Empty(refusedGzip.Content.Headers.ContentEncoding);
            Assert.Equal(changed.Headers.ETag, refusedGzip.Headers.ETag);
        }

        // Still a member-only list: no key, no list (and no 304 either).
        using var anonymous = Factory.ClientWithKey(null);
        using var refused = await GetListAsync(anonymous, changed.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [DbFact]
    public async Task TokenInfo_IsCachedPerToken_UntilATradeOrANavRowChangesIt()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        await Trading.CreateActiveTokenAsync(admin, "BETA");
        var org = await Api.OnboardAsync(Factory, "Info Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 10_000m);
        var runtime = Factory.Services.GetRequiredService<TokensRuntime>();
        await runtime.NavStore.AppendAsync([.. Enumerable.Range(0, 10).Select(d => NavRow("ALPHA", HistoryStart.AddDays(d), DayNav(d)))], CancellationToken.None);
        var cache = Factory.Services.GetRequiredService<TokenListCache>();

        using var first = await GetListAsync(treasurer, null, path: "/api/tokens/alpha/info");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var info = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        Assert.Equal("ALPHA", info["symbol"]!.GetValue<string>());
        Assert.Equal(10, info["nav_history"]!.AsArray().Count);
        var built = cache.InfoBuilds;

        // Same state: the same bytes, nothing rebuilt or re-read; the ETag answers 304.
        using (var again = await GetListAsync(treasurer, null, path: "/api/tokens/ALPHA/info"))
        {
            Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await again.Content.ReadAsByteArrayAsync());
        }

        using (var same = await GetListAsync(treasurer, first.Headers.ETag!.Tag, path: "/api/tokens/ALPHA/info"))
        {
            Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        }

        Assert.Equal(built, cache.InfoBuilds);

        // A trade re-serialises the body from the ledger without re-reading the NAV rows.
        var (bought, buy, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 500m });
        Assert.True(bought == HttpStatusCode.OK, buy?.ToJsonString());
        var (_, afterBuy) = await Api.GetAsync(treasurer, "/api/tokens/ALPHA/info");
        Assert.Equal(buy!["shares"]!.GetValue<decimal>(), afterBuy!["supply"]!.GetValue<decimal>());
        Assert.Equal((built.Bodies + 1, built.Reads), cache.InfoBuilds);

        // A new NAV row is read again; another token has a body of its own.
        await runtime.NavStore.AppendAsync([NavRow("ALPHA", HistoryStart.AddDays(10), DayNav(10))], CancellationToken.None);
        var (_, afterNav) = await Api.GetAsync(treasurer, "/api/tokens/ALPHA/info");
        Assert.Equal(11, afterNav!["nav_history"]!.AsArray().Count);
        Assert.Equal(built.Reads + 1, cache.InfoBuilds.Reads);
        var (_, beta) = await Api.GetAsync(treasurer, "/api/tokens/BETA/info");
        Assert.Equal("BETA", beta!["symbol"]!.GetValue<string>());
        Assert.Empty(beta["nav_history"]!.AsArray());

        var (missing, problem) = await Api.GetAsync(treasurer, "/api/tokens/NOPE/info");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("unknown_token", problem!["code"]!.GetValue<string>());
    }

    private static decimal DayNav(int day) => 1m + (day / 1000m);

    private static NavHistoryRow NavRow(string symbol, DateOnly date, decimal nav) =>
        new(symbol, date, nav, 0m, Math.Max(1m, nav), 0m, null, null, nav, 0m, 0m, 0m);

    private static JsonNode Listed(JsonNode list, string symbol) => list.AsArray().Single(t => t!["symbol"]!.GetValue<string>() == symbol)!;

    private static async Task<HttpResponseMessage> GetListAsync(HttpClient client, string? ifNoneMatch, string? acceptEncoding = null, string path = "/api/tokens/list")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return await client.SendAsync(request);
    }
}
