using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>The reads the dashboard needs: the wallet list with figures, a wallet's transactions, a trade quote, the breakers.</summary>
public abstract partial class ApiSuite
{
    [DbFact]
    public async Task Wallets_List_CarriesValuePnlHoldingsAndPendingProposals_ForOwnOrganisationOnly()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var a = await Api.OnboardAsync(Factory, "List Church");
        var b = await Api.OnboardAsync(Factory, "Other List Church");
        using var treasurer = Factory.ClientWithKey(a.TreasurerKey);
        using var viewer = Factory.ClientWithKey(a.ViewerKey);
        using var other = Factory.ClientWithKey(b.TreasurerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 10_000m, mode: "hybrid");
        var (bought, buy, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 2_000m });
        Assert.True(bought == HttpStatusCode.OK, buy?.ToJsonString());
        var ledger = Factory.Services.GetRequiredService<LedgerService>();
        Assert.True((await ledger.RevalueAsync("ALPHA", UnitPrice.Of(buy!["nav"]!.GetValue<decimal>() * 1.1m), "test-up")).Accepted);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/jobs/wallet-rebalance/run", new { })).Status);

        var (status, list) = await Api.GetAsync(viewer, "/api/wallets");
        Assert.Equal(HttpStatusCode.OK, status);
        var w = Assert.Single(list!.AsArray())!;
        var detail = await Trading.StatusAsync(viewer, address);
        Assert.Equal(address, w["address"]!.GetValue<string>());
        Assert.Equal("hybrid", w["mode"]!.GetValue<string>());
        Assert.Equal("moderate", w["risk_tolerance"]!.GetValue<string>());
        Assert.Equal(detail["cash"]!.GetValue<decimal>(), w["cash"]!.GetValue<decimal>());
        Assert.Equal(detail["value"]!.GetValue<decimal>(), w["value"]!.GetValue<decimal>());
        Assert.Equal(detail["cost_basis"]!.GetValue<decimal>(), w["cost_basis"]!.GetValue<decimal>());
        var pnl = w["pnl"]!.GetValue<decimal>();
        Assert.True(pnl > 0m, $"the NAV rose 10%, so the holding gained: {w.ToJsonString()}");
        Assert.Equal(Math.Round(pnl / w["cost_basis"]!.GetValue<decimal>(), 6, MidpointRounding.ToEven), w["pnl_pct"]!.GetValue<decimal>());
        Assert.Equal(detail["holdings"]!.AsArray().Count(h => h!["shares"]!.GetValue<decimal>() > 0m), w["holdings_count"]!.GetValue<int>());
        var (_, proposals) = await Api.GetAsync(viewer, $"/api/wallet/{address}/proposals");
        Assert.Equal(proposals!.AsArray().Count(p => p!["status"]!.GetValue<string>() == "pending"), w["pending_proposals"]!.GetValue<int>());

        var (_, others) = await Api.GetAsync(other, "/api/wallets");
        Assert.Empty(others!.AsArray());
        var (_, all) = await Api.GetAsync(admin, "/api/wallets");
        Assert.Contains(all!.AsArray(), x => x!["address"]!.GetValue<string>() == address);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.GetAsync(Factory.ClientWithKey(null), "/api/wallets")).Status);
    }

    [DbFact]
    public async Task WalletTransactions_NewestFirst_WithSharesNavFeeAmount_AndPaging()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var a = await Api.OnboardAsync(Factory, "Ledger Church");
        using var treasurer = Factory.ClientWithKey(a.TreasurerKey);
        using var viewer = Factory.ClientWithKey(a.ViewerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 5_000m);
        var (_, buy, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 1_000m });
        var bought = buy!["shares"]!.GetValue<decimal>();
        var (_, sell, _) = await Api.PostAsync(treasurer, "/api/tokens/sell", new { address, symbol = "ALPHA", shares = bought / 2m });
        Assert.NotNull(sell);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(treasurer, "/api/wallet/withdraw", new { address, amount = 100m })).Status);

        var (status, page) = await Api.GetAsync(viewer, $"/api/wallet/{address}/transactions");
        Assert.Equal(HttpStatusCode.OK, status);
        var rows = page!["transactions"]!.AsArray();
        Assert.Equal(["withdraw", "sell", "buy", "deposit"], rows.Select(r => r!["type"]!.GetValue<string>()).ToArray());
        Assert.Null(page["next_before"]);
        var seqs = rows.Select(r => r!["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(seqs.OrderDescending(), seqs);

        var b = rows[2]!;
        Assert.Equal("ALPHA", b["symbol"]!.GetValue<string>());
        Assert.Equal(bought, b["shares"]!.GetValue<decimal>());
        Assert.Equal(buy["fee"]!.GetValue<decimal>(), b["fee"]!.GetValue<decimal>());
        Assert.Equal(-1_000m, b["amount"]!.GetValue<decimal>());
        Assert.Equal(buy["nav"]!.GetValue<decimal>(), b["nav"]!.GetValue<decimal>(), 4);
        var s = rows[1]!;
        Assert.Equal(-bought / 2m, s["shares"]!.GetValue<decimal>());
        Assert.Equal(sell["fee"]!.GetValue<decimal>(), s["fee"]!.GetValue<decimal>());
        Assert.Equal(sell["cash"]!.GetValue<decimal>(), s["amount"]!.GetValue<decimal>());
        Assert.Equal(5_000m, rows[3]!["amount"]!.GetValue<decimal>());
        Assert.Equal(-100m, rows[0]!["amount"]!.GetValue<decimal>());
        Assert.Equal(0m, rows[0]!["fee"]!.GetValue<decimal>());

        var (_, first) = await Api.GetAsync(viewer, $"/api/wallet/{address}/transactions?limit=3");
        Assert.Equal(3, first!["transactions"]!.AsArray().Count);
        var next = first["next_before"]!.GetValue<long>();
        var (_, second) = await Api.GetAsync(viewer, $"/api/wallet/{address}/transactions?limit=3&before={next}");
        Assert.Equal("deposit", Assert.Single(second!["transactions"]!.AsArray())!["type"]!.GetValue<string>());
        Assert.Null(second["next_before"]);
    }

    [DbFact]
    public async Task WalletTransactions_OtherOrganisationOrBadQuery_IsRefused()
    {
        var a = await Api.OnboardAsync(Factory, "Tx Church");
        var b = await Api.OnboardAsync(Factory, "Tx Snoop Church");
        using var treasurer = Factory.ClientWithKey(a.TreasurerKey);
        using var other = Factory.ClientWithKey(b.ViewerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 100m);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(other, $"/api/wallet/{address}/transactions")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(treasurer, "/api/wallet/not-a-wallet/transactions")).Status);
        foreach (var (query, field) in new[] { ("limit=0", "limit"), ("limit=501", "limit"), ("limit=abc", "limit"), ("before=-3", "before"), ("before=x", "before") })
        {
            var (status, problem) = await Api.GetAsync(treasurer, $"/api/wallet/{address}/transactions?{query}");
            Assert.True(status == HttpStatusCode.BadRequest, $"{query}: {status}");
            Assert.NotNull(problem!["errors"]![field]);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.GetAsync(Factory.ClientWithKey(null), $"/api/wallet/{address}/transactions")).Status);
    }

    [DbFact]
    public async Task Quote_MatchesTheTradeThatFollows_AndChangesNothing()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var a = await Api.OnboardAsync(Factory, "Quote Church");
        using var treasurer = Factory.ClientWithKey(a.TreasurerKey);
        using var viewer = Factory.ClientWithKey(a.ViewerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 5_000m);
        await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 777m });

        var (status, quote, _) = await Api.PostAsync(viewer, "/api/tokens/quote", new { address, symbol = "alpha", amount = 1_234.56m });
        Assert.True(status == HttpStatusCode.OK, quote?.ToJsonString());
        Assert.Equal("buy", quote!["side"]!.GetValue<string>());
        Assert.Equal(1_234.56m, quote["gross_amount"]!.GetValue<decimal>());
        Assert.Equal(1_234.56m - quote["fee"]!.GetValue<decimal>(), quote["net_amount"]!.GetValue<decimal>());
        Assert.Equal(4_223m, Trading.Cash(await Trading.StatusAsync(viewer, address)));

        var (_, buy, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 1_234.56m });
        Assert.Equal(quote["shares"]!.GetValue<decimal>(), buy!["shares"]!.GetValue<decimal>());
        Assert.Equal(quote["fee"]!.GetValue<decimal>(), buy["fee"]!.GetValue<decimal>());
        Assert.Equal(quote["nav"]!.GetValue<decimal>(), buy["nav"]!.GetValue<decimal>());

        var held = Trading.Shares(await Trading.StatusAsync(viewer, address), "ALPHA");
        var third = Math.Round(held / 3m, 8, MidpointRounding.ToZero);
        var (sq, sellQuote, _) = await Api.PostAsync(viewer, "/api/tokens/quote", new { address, symbol = "ALPHA", side = "sell", shares = third });
        Assert.True(sq == HttpStatusCode.OK, sellQuote?.ToJsonString());
        var (_, sell, _) = await Api.PostAsync(treasurer, "/api/tokens/sell", new { address, symbol = "ALPHA", shares = third });
        Assert.Equal(sellQuote!["fee"]!.GetValue<decimal>(), sell!["fee"]!.GetValue<decimal>());
        Assert.Equal(sellQuote["net_amount"]!.GetValue<decimal>(), sell["cash"]!.GetValue<decimal>());
    }

    [DbFact]
    public async Task Quote_BadInputOrOtherOrganisation_IsRefused()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var a = await Api.OnboardAsync(Factory, "Quote Bad Church");
        var b = await Api.OnboardAsync(Factory, "Quote Snoop Church");
        using var treasurer = Factory.ClientWithKey(a.TreasurerKey);
        using var other = Factory.ClientWithKey(b.TreasurerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 100m);
        var cases = new (object Body, HttpStatusCode Status, string? Field)[]
        {
            (new { address, symbol = "ALPHA", amount = 0m }, HttpStatusCode.BadRequest, "amount"),
            (new { address, symbol = "ALPHA", amount = -5m }, HttpStatusCode.BadRequest, "amount"),
            (new { address, symbol = "ALPHA", amount = 1.001m }, HttpStatusCode.BadRequest, "amount"),
            (new { address, symbol = "ALPHA" }, HttpStatusCode.BadRequest, "amount"),
            (new { address, symbol = "ALPHA", side = "sell" }, HttpStatusCode.BadRequest, "shares"),
            (new { address, symbol = "ALPHA", side = "hold", amount = 5m }, HttpStatusCode.BadRequest, "side"),
            (new { address, symbol = "NOPE", amount = 5m }, HttpStatusCode.UnprocessableEntity, "symbol"),
            (new { symbol = "ALPHA", amount = 5m }, HttpStatusCode.BadRequest, "address"),
            ("{\"address\":", HttpStatusCode.BadRequest, null),
        };
        foreach (var (body, expected, field) in cases)
        {
            var (status, problem, _) = await Api.PostAsync(treasurer, "/api/tokens/quote", body);
            Assert.True(status == expected, $"{System.Text.Json.JsonSerializer.Serialize(body)}: {status} {problem}");
            if (field is not null)
            {
                Assert.True(problem!["errors"]?[field] is not null, $"{field}: {problem}");
            }
        }

        Assert.Equal(HttpStatusCode.NotFound, (await Api.PostAsync(other, "/api/tokens/quote", new { address, symbol = "ALPHA", amount = 5m })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.PostAsync(Factory.ClientWithKey(null), "/api/tokens/quote", new { address, symbol = "ALPHA", amount = 5m })).Status);
    }

    [DbFact]
    public async Task Breakers_ShowHaltTokensAndWallets_ForAdminOnly()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var a = await Api.OnboardAsync(Factory, "Breakers Church");
        using var treasurer = Factory.ClientWithKey(a.TreasurerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 10_000m, mode: "full_ai", risk: "conservative");
        for (var i = 0; i < 4; i++)
        {
            // Each buy below the 25%-of-wallet monitoring rule, so none is held for review.
            var (bought, body, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 2_000m });
            Assert.True(bought == HttpStatusCode.OK, body?.ToJsonString());
        }

        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/jobs/wallet-breaker/run", new { })).Status);

        var (status, before) = await Api.GetAsync(admin, "/api/admin/breakers");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(before!["platform_halt"]!["halted"]!.GetValue<bool>());
        Assert.Empty(before["breakers"]!.AsArray());
        Assert.Contains(before["tokens"]!.AsArray(), t => t!["symbol"]!.GetValue<string>() == "ALPHA" && !t["tripped"]!.GetValue<bool>());
        var wallet = Assert.Single(before["wallets"]!.AsArray(), w => w!["address"]!.GetValue<string>() == address)!;
        Assert.NotNull(wallet["peak"]);
        Assert.False(wallet["tripped"]!.GetValue<bool>());

        var ledger = Factory.Services.GetRequiredService<LedgerService>();
        Assert.True((await ledger.RevalueAsync("ALPHA", UnitPrice.Of(0.5m), "test-crash")).Accepted);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/halt", new { reason = "drill" })).Status);
        var (_, after) = await Api.GetAsync(admin, "/api/admin/breakers");
        Assert.True(after!["platform_halt"]!["halted"]!.GetValue<bool>());
        Assert.Equal("drill", after["platform_halt"]!["reason"]!.GetValue<string>());
        Assert.True(after["breakers"]!.AsArray().Count == 1, after.ToJsonString());
        var fired = after["breakers"]!.AsArray()[0]!;
        Assert.Equal("wallet", fired["kind"]!.GetValue<string>());
        Assert.Equal(address, fired["subject"]!.GetValue<string>());
        Assert.True(fired["drawdown"]!.GetValue<decimal>() > fired["limit"]!.GetValue<decimal>());

        using var viewer = Factory.ClientWithKey(a.ViewerKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.GetAsync(treasurer, "/api/admin/breakers")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.GetAsync(viewer, "/api/admin/breakers")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.GetAsync(Factory.ClientWithKey(null), "/api/admin/breakers")).Status);
    }
}
