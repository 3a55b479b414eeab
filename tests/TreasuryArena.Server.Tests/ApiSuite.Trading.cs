using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

public abstract partial class ApiSuite
{
    [DbFact]
    public async Task BuyThenSell_HappyPath_UpdatesWalletStatus()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var org = await Api.OnboardAsync(Factory, "Trading Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 10_000m);

        var (bought, buy, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 1_000m });
        Assert.True(bought == HttpStatusCode.OK, buy?.ToJsonString());
        var shares = buy!["shares"]!.GetValue<decimal>();
        Assert.True(shares > 0m);
        Assert.Equal(1m, buy["nav"]!.GetValue<decimal>());
        Assert.Equal(10m, buy["fee"]!.GetValue<decimal>());

        var status = await Trading.StatusAsync(treasurer, address);
        Assert.Equal(9_000m, Trading.Cash(status));
        Assert.Equal(shares, Trading.Shares(status, "ALPHA"));
        Assert.Equal(9_000m + (shares * 1m), status["value"]!.GetValue<decimal>());

        var (sold, sell, _) = await Api.PostAsync(treasurer, "/api/tokens/sell", new { address, symbol = "ALPHA", shares });
        Assert.True(sold == HttpStatusCode.OK, sell?.ToJsonString());
        status = await Trading.StatusAsync(treasurer, address);
        Assert.Equal(0m, Trading.Shares(status, "ALPHA"));
        Assert.Equal(9_000m + sell!["cash"]!.GetValue<decimal>(), Trading.Cash(status));

        var (_, list) = await Api.GetAsync(treasurer, "/api/tokens/list");
        Assert.Contains(list!.AsArray(), t => t!["symbol"]!.GetValue<string>() == "ALPHA" && t["status"]!.GetValue<string>() == "active");
        var (info, token) = await Api.GetAsync(treasurer, "/api/tokens/alpha/info");
        Assert.Equal(HttpStatusCode.OK, info);
        Assert.Equal("ma-trend", token!["strategy"]!.GetValue<string>());
    }

    [DbFact]
    public async Task OtherOrganisation_GetsNotFoundForWalletEverywhere()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var a = await Api.OnboardAsync(Factory, "Owner Church");
        var b = await Api.OnboardAsync(Factory, "Other Church");
        using var treasurerA = Factory.ClientWithKey(a.TreasurerKey);
        using var treasurerB = Factory.ClientWithKey(b.TreasurerKey);
        using var viewerB = Factory.ClientWithKey(b.ViewerKey);
        var address = await Trading.CreateWalletAsync(treasurerA, 1_000m);

        var (status, body) = await Api.GetAsync(treasurerB, $"/api/wallet/{address}/status");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("1000", body?.ToJsonString() ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(viewerB, $"/api/wallet/{address}/status")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.PostAsync(treasurerB, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 10m })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.PostAsync(treasurerB, "/api/wallet/deposit", new { address, amount = 10m })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.PostAsync(treasurerB, "/api/wallet/withdraw", new { address, amount = 10m })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.PostAsync(treasurerB, "/api/wallet/mode", new { address, mode = "full_ai" })).Status);
        var (_, wallets) = await Api.GetAsync(treasurerB, "/api/wallets");
        Assert.Empty(wallets!.AsArray());

        var status2 = await Trading.StatusAsync(treasurerA, address);
        Assert.Equal(1_000m, Trading.Cash(status2));
        Assert.Equal("manual", status2["mode"]!.GetValue<string>());
    }

    [DbFact]
    public async Task Viewer_CanReadButNotTrade()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var a = await Api.OnboardAsync(Factory, "Viewer Trade Church");
        using var treasurer = Factory.ClientWithKey(a.TreasurerKey);
        using var viewer = Factory.ClientWithKey(a.ViewerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 500m);
        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(viewer, $"/api/wallet/{address}/status")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.PostAsync(viewer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 10m })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.PostAsync(viewer, "/api/wallet/create", new { mode = "manual", risk_tolerance = "moderate" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.PostAsync(viewer, "/api/wallet/withdraw", new { address, amount = 10m })).Status);
        Assert.Equal(500m, Trading.Cash(await Trading.StatusAsync(treasurer, address)));
    }

    public static TheoryData<string, string, int, string> BadBuyBodies => new()
    {
        { "zero amount", "{\"address\":\"{A}\",\"symbol\":\"ALPHA\",\"amount\":0}", 400, "amount" },
        { "negative amount", "{\"address\":\"{A}\",\"symbol\":\"ALPHA\",\"amount\":-5}", 400, "amount" },
        { "absurd amount", "{\"address\":\"{A}\",\"symbol\":\"ALPHA\",\"amount\":1e15}", 400, "amount" },
        { "sub-cent amount", "{\"address\":\"{A}\",\"symbol\":\"ALPHA\",\"amount\":1.001}", 400, "amount" },
        { "more digits than a decimal holds", "{\"address\":\"{A}\",\"symbol\":\"ALPHA\",\"amount\":1.0000000000000000000000000000001}", 400, "amount" },
        { "exponent hiding a sub-cent amount", "{\"address\":\"{A}\",\"symbol\":\"ALPHA\",\"amount\":1001e-3}", 400, "amount" },
        { "duplicate amount key", "{\"address\":\"{A}\",\"symbol\":\"ALPHA\",\"amount\":10,\"amount\":20}", 400, "amount" },
        { "duplicate symbol key", "{\"address\":\"{A}\",\"symbol\":\"ALPHA\",\"symbol\":\"ALPHA\",\"amount\":10}", 400, "symbol" },
        { "amount as string", "{\"address\":\"{A}\",\"symbol\":\"ALPHA\",\"amount\":\"100\"}", 400, "amount" },
        { "amount overflow", "{\"address\":\"{A}\",\"symbol\":\"ALPHA\",\"amount\":1e400}", 400, "amount" },
        { "missing amount", "{\"address\":\"{A}\",\"symbol\":\"ALPHA\"}", 400, "amount" },
        { "unknown symbol", "{\"address\":\"{A}\",\"symbol\":\"NOPE\",\"amount\":10}", 422, "symbol" },
        { "symbol wrong type", "{\"address\":\"{A}\",\"symbol\":7,\"amount\":10}", 400, "symbol" },
        { "missing address", "{\"symbol\":\"ALPHA\",\"amount\":10}", 400, "address" },
        { "malformed JSON", "{\"address\":\"{A}\",", 400, "body" },
        { "unknown wallet", "{\"address\":\"0x0000000000000000000000000000000000000000\",\"symbol\":\"ALPHA\",\"amount\":10}", 404, "" },
        { "garbage address", "{\"address\":\"not-an-address\",\"symbol\":\"ALPHA\",\"amount\":10}", 404, "" },
        { "more than the cash", "{\"address\":\"{A}\",\"symbol\":\"ALPHA\",\"amount\":999}", 422, "" },
    };

    [DbFact]
    public async Task Buy_BadInputs_Are4xxProblemDetailsAndChangeNothing()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var org = await Api.OnboardAsync(Factory, "Bad Input Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 100m);
        foreach (var row in BadBuyBodies)
        {
            var label = (string)row[0];
            var json = ((string)row[1]).Replace("{A}", address, StringComparison.Ordinal);
            var expected = (int)row[2];
            var field = (string)row[3];
            var (status, body, response) = await Api.PostAsync(treasurer, "/api/tokens/buy", json);
            Assert.True(expected == (int)status, $"{label}: expected {expected}, got {(int)status} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            if (field.Length > 0)
            {
                Assert.True(body!["errors"]?[field] is not null, $"{label}: no field error for '{field}' in {body}");
            }
        }

        var status2 = await Trading.StatusAsync(treasurer, address);
        Assert.Equal(100m, Trading.Cash(status2));
        Assert.Empty(status2["holdings"]!.AsArray());
        Assert.Equal(0m, (await Api.GetAsync(treasurer, "/api/tokens/ALPHA/info")).Body!["supply"]!.GetValue<decimal>());
    }

    [DbFact]
    public async Task Buy_RepeatedIdempotencyKey_BuysOnce()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var org = await Api.OnboardAsync(Factory, "Idem Trade Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 1_000m);
        var first = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 100m }, "buy-once");
        var again = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 100m }, "buy-once");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(first.Body!.ToJsonString(), again.Body!.ToJsonString());
        Assert.Equal(900m, Trading.Cash(await Trading.StatusAsync(treasurer, address)));
    }

    [DbFact]
    public async Task ParallelBuys_FromOneWallet_NeverOverdraw()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var org = await Api.OnboardAsync(Factory, "Parallel Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 100m);
        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 1.5m }, "pbuy-" + i)));
        var ok = results.Count(r => r.Status == HttpStatusCode.OK);
        Assert.Equal(66, ok);
        Assert.All(results.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Equal("insufficient_cash", r.Body!["code"]!.GetValue<string>()));
        var status = await Trading.StatusAsync(treasurer, address);
        Assert.Equal(1m, Trading.Cash(status));
        var boughtShares = results.Where(r => r.Status == HttpStatusCode.OK).Sum(r => r.Body!["shares"]!.GetValue<decimal>());
        Assert.Equal(boughtShares, Trading.Shares(status, "ALPHA"));
    }

    [DbFact]
    public async Task Buy_UnattestedOrHalted_IsRefusedAndAudited()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var org = await Api.OnboardAsync(Factory, "Gate Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 1_000m);

        await Api.PostAsync(admin, "/api/admin/disclosures", new { version = "v9", text = "new terms" });
        var (refused, body, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 10m });
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Equal("attestation_required", body!["code"]!.GetValue<string>());

        await Api.PostAsync(treasurer, "/api/orgs/attest", new { document_version = "v9", signer = "Jane" });
        await Api.PostAsync(admin, "/api/admin/halt", new { reason = "drill" });
        var (halted, hb, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 10m });
        Assert.Equal(HttpStatusCode.Forbidden, halted);
        Assert.Equal("platform_halted", hb!["code"]!.GetValue<string>());
        Assert.Equal(1_000m, Trading.Cash(await Trading.StatusAsync(treasurer, address)));

        var (_, audit) = await Api.GetAsync(admin, "/api/admin/audit?limit=1000");
        var refusals = audit!.AsArray().Where(e => e!["action"]!.GetValue<string>() == "trade.buy" && e["outcome"]!.GetValue<string>() == "refused").ToList();
        Assert.Equal(2, refusals.Count);
    }

    [DbFact]
    public async Task LargeBuy_IsHeld_ThenReleasedByAdmin()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var org = await Api.OnboardAsync(Factory, "Hold Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 100_000m);

        var (held, body, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 30_000m });
        Assert.Equal(HttpStatusCode.Accepted, held);
        Assert.Equal("held", body!["status"]!.GetValue<string>());
        var holdId = body["hold_id"]!.GetValue<string>();
        Assert.Equal(100_000m, Trading.Cash(await Trading.StatusAsync(treasurer, address)));

        var (_, holds) = await Api.GetAsync(admin, "/api/admin/holds?status=held");
        Assert.Contains(holds!.AsArray(), h => h!["id"]!.GetValue<string>() == holdId);
        var (_, mine) = await Api.GetAsync(treasurer, "/api/holds");
        Assert.Single(mine!.AsArray());

        var (released, rb, _) = await Api.PostAsync(admin, $"/api/admin/holds/{holdId}/release", new { });
        Assert.True(released == HttpStatusCode.OK, rb?.ToJsonString());
        Assert.Equal(70_000m, Trading.Cash(await Trading.StatusAsync(treasurer, address)));
        var (again, _, _) = await Api.PostAsync(admin, $"/api/admin/holds/{holdId}/release", new { });
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal(70_000m, Trading.Cash(await Trading.StatusAsync(treasurer, address)));

        var (_, after) = await Api.GetAsync(admin, "/api/admin/holds?status=released");
        Assert.Contains(after!.AsArray(), h => h!["id"]!.GetValue<string>() == holdId);
        var (_, notes) = await Api.GetAsync(treasurer, "/api/notifications");
        Assert.Contains(notes!.AsArray(), n => n!["kind"]!.GetValue<string>() == "trade_held");
    }

    [DbFact]
    public async Task HeldTrade_RejectedByAdmin_NeverExecutes()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var org = await Api.OnboardAsync(Factory, "Reject Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 1_000m);
        var (held, body, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 400m });
        Assert.Equal(HttpStatusCode.Accepted, held);
        var holdId = body!["hold_id"]!.GetValue<string>();
        var (rejected, rb, _) = await Api.PostAsync(admin, $"/api/admin/holds/{holdId}/reject", new { reason = "unusual" });
        Assert.Equal(HttpStatusCode.OK, rejected);
        Assert.Equal("rejected", rb!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await Api.PostAsync(admin, $"/api/admin/holds/{holdId}/release", new { })).Status);
        Assert.Equal(1_000m, Trading.Cash(await Trading.StatusAsync(treasurer, address)));
    }

    [DbFact]
    public async Task TokenLifecycle_PauseStopsBuysButNotSells_AndOverrideIsAudited()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var org = await Api.OnboardAsync(Factory, "Lifecycle Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 1_000m);
        var (_, buy, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 100m });
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/tokens/ALPHA/pause", new { reason = "review" })).Status);
        var (refused, rb, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 100m });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused);
        Assert.Equal("token_not_tradable", rb!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(treasurer, "/api/tokens/sell", new { address, symbol = "ALPHA", shares = buy!["shares"]!.GetValue<decimal>() })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/tokens/ALPHA/resume", new { })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/tokens/ALPHA/retire", new { })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await Api.PostAsync(admin, "/api/admin/tokens/ALPHA/activate", new { })).Status);

        var (_, audit) = await Api.GetAsync(admin, "/api/admin/audit?limit=1000");
        var actions = audit!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.Contains("token.activate_override", actions);
        Assert.Contains("token.pause", actions);
        Assert.Contains("token.resume", actions);
        Assert.Contains("token.retire", actions);
        var (_, revenue) = await Api.GetAsync(admin, "/api/admin/revenue");
        Assert.True(revenue!["total_revenue"]!.GetValue<decimal>() > 0m);
    }


    [DbFact]
    public async Task AdminTokens_Hurdle_SetAtIssue_ShownInTheTokensFees()
    {
        using var admin = Admin();
        var (bad, problem, _) = await Api.PostAsync(admin, "/api/admin/tokens", new { strategy = "ma-trend", symbol = "HRDX", hurdle = "libor" });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.NotNull(problem!["errors"]?["hurdle"]);

        var (created, body, _) = await Api.PostAsync(admin, "/api/admin/tokens", new { strategy = "ma-trend", symbol = "HRDT", hurdle = "tbill" });
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("tbill", body!["fees"]!["hurdle"]!.GetValue<string>());
        Assert.Equal(body["inception_date"]!.GetValue<string>(), body["fees"]!["high_water_mark_date"]!.GetValue<string>());
        Assert.Equal(body["high_water_mark"]!.GetValue<decimal>(), body["fees"]!["performance_fee_mark"]!.GetValue<decimal>());

        var (_, plain, _) = await Api.PostAsync(admin, "/api/admin/tokens", new { strategy = "ma-trend", symbol = "HRDN" });
        Assert.Equal("none", plain!["fees"]!["hurdle"]!.GetValue<string>());
        var runtime = Factory.Services.GetRequiredService<TokensRuntime>();
        Assert.Equal(TreasuryArena.Core.Fees.PerformanceHurdle.TBill, runtime.Ledger.GetToken("HRDT")!.Token.Fees.Hurdle);
    }

    [DbFact]
    public async Task AdminTokens_IssuedFromALibraryStrategy_LifecycleRecorded_RetireSettlesHolders()
    {
        using var admin = Admin();
        var (_, listBefore) = await Api.GetAsync(admin, "/api/tokens/list");
        var (unknown, problem, _) = await Api.PostAsync(admin, "/api/admin/tokens", new { strategy = "astrology", symbol = "STAR" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown);
        Assert.Equal("unknown_strategy", problem!["code"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]?["strategy"]);
        var (badParameter, _, _) = await Api.PostAsync(admin, "/api/admin/tokens", new { strategy = "ma-trend", symbol = "STAR", parameters = new Dictionary<string, string> { ["window"] = "-3" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badParameter);
        var (_, listAfter) = await Api.GetAsync(admin, "/api/tokens/list");
        Assert.Equal(listBefore!.AsArray().Count, listAfter!.AsArray().Count);

        // Issued like `arena tokens issue`: a backing with the strategy, so the NAV step values it.
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var runtime = Factory.Services.GetRequiredService<TokensRuntime>();
        var backing = await runtime.NavStore.FindBackingAsync("ALPHA", CancellationToken.None);
        Assert.Equal("ma-trend", backing!.Strategy);
        Assert.Equal(HttpStatusCode.Conflict, (await Api.PostAsync(admin, "/api/admin/tokens", new { strategy = "ma-trend", symbol = "ALPHA" })).Status);

        var org = await Api.OnboardAsync(Factory, "Retire Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 10_000m);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 400m })).Status);

        // The token's breaker: its own limit from the backtest stored at issue, and where it came from.
        var (_, issued) = await Api.GetAsync(treasurer, "/api/tokens/ALPHA/info");
        var breaker = issued!["breaker"]!;
        Assert.Equal(backing.Breaker!.Limit, breaker["limit"]!.GetValue<decimal>());
        Assert.Equal(backing.Breaker.SourceName, breaker["source"]!.GetValue<string>());
        Assert.Equal(backing.Breaker.Describe(), breaker["description"]!.GetValue<string>());
        Assert.StartsWith("breaker ", breaker["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1.25m, breaker["multiple"]!.GetValue<decimal>());
        Assert.NotNull(breaker["window_from"]);
        Assert.False(breaker["auto_review"]!.GetValue<bool>());
        Assert.Null(breaker["paused_on"]);

        // Pause, hold and resume are lifecycle events (recorded in time order); a hold is only for a paused token;
        // a resume restarts the breaker's peak from the resume date.
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var (notPaused, np, _) = await Api.PostAsync(admin, "/api/admin/tokens/ALPHA/hold", new { reason = "keep" });
        Assert.Equal(HttpStatusCode.Conflict, notPaused);
        Assert.Equal("token_not_paused", np!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/tokens/ALPHA/pause", new { reason = "review" })).Status);
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/tokens/ALPHA/hold", new { reason = "board review" })).Status);
        var (_, held) = await Api.GetAsync(treasurer, "/api/tokens/ALPHA/info");
        Assert.Equal("admin", held!["breaker"]!["paused_by"]!.GetValue<string>());
        Assert.False(held["breaker"]!["auto_review"]!.GetValue<bool>());
        Assert.Contains("no automatic review", held["breaker"]!["review"]!.GetValue<string>(), StringComparison.Ordinal);
        var lastEvent = held["lifecycle"]!.AsArray()[^1]!;
        Assert.Equal(("paused", "paused"), (lastEvent["from"]!.GetValue<string>(), lastEvent["to"]!.GetValue<string>()));
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/tokens/ALPHA/resume", new { reason = "reviewed" })).Status);
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var asOf = await runtime.Nav.LifecycleDateAsync("ALPHA", CancellationToken.None);
        Assert.Equal(asOf, (await runtime.NavStore.FindBackingAsync("ALPHA", CancellationToken.None))!.BreakerReference);

        var cashBefore = Trading.Cash(await Trading.StatusAsync(treasurer, address));
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/tokens/ALPHA/retire", new { reason = "wound down" })).Status);
        var status = await Trading.StatusAsync(treasurer, address);
        Assert.Equal(0m, Trading.Shares(status, "ALPHA"));
        Assert.True(Trading.Cash(status) > cashBefore, status.ToJsonString());

        var (_, info) = await Api.GetAsync(treasurer, "/api/tokens/ALPHA/info");
        Assert.Equal("retired", info!["status"]!.GetValue<string>());
        var transitions = info["lifecycle"]!.AsArray().Select(e => $"{e!["from"]}>{e["to"]}").ToList();
        Assert.Equal(["proving>active", "active>paused", "paused>paused", "paused>active", "active>retired"], transitions);
        var (again, secondRetire, _) = await Api.PostAsync(admin, "/api/admin/tokens/ALPHA/retire", new { });
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal("already_retired", secondRetire!["code"]!.GetValue<string>());

        // A retire stopped after the status change (holders not yet paid): retiring again settles them, with no new event.
        await Trading.CreateActiveTokenAsync(admin, "BETA");
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "BETA", amount = 300m })).Status);
        var ledger = Factory.Services.GetRequiredService<TreasuryArena.Core.Ledger.LedgerService>();
        Assert.True((await ledger.ChangeTokenStatusAsync("BETA", TreasuryArena.Core.Tokens.TokenStatus.Retired, CancellationToken.None)).Accepted);
        Assert.True(Trading.Shares(await Trading.StatusAsync(treasurer, address), "BETA") > 0m);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/tokens/BETA/retire", new { reason = "finish the settlement" })).Status);
        Assert.Equal(0m, Trading.Shares(await Trading.StatusAsync(treasurer, address), "BETA"));
    }
}
