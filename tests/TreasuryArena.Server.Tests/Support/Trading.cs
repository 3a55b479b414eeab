using System.Net;
using System.Text.Json.Nodes;

namespace TreasuryArena.Server.Tests.Support;

/// <summary>Helpers for the trading tests: an active token and a funded wallet.</summary>
public static class Trading
{
    public static async Task CreateActiveTokenAsync(HttpClient admin, string symbol)
    {
        var (created, body, _) = await Api.PostAsync(admin, "/api/admin/tokens", new { strategy = "ma-trend", symbol });
        Assert.True(created == HttpStatusCode.Created, $"create token: {created} {body}");
        var (activated, _, _) = await Api.PostAsync(admin, $"/api/admin/tokens/{symbol}/activate", new { reason = "test" });
        Assert.Equal(HttpStatusCode.OK, activated);
    }

    public static async Task<string> CreateWalletAsync(HttpClient treasurer, decimal deposit, string mode = "manual", string risk = "moderate")
    {
        var (status, body, _) = await Api.PostAsync(treasurer, "/api/wallet/create", new { mode, risk_tolerance = risk });
        Assert.Equal(HttpStatusCode.Created, status);
        var address = body!["address"]!.GetValue<string>();
        if (deposit > 0)
        {
            var (deposited, d, _) = await Api.PostAsync(treasurer, "/api/wallet/deposit", new { address, amount = deposit });
            Assert.True(deposited == HttpStatusCode.OK, $"deposit: {deposited} {d}");
        }

        return address;
    }

    public static async Task<JsonNode> StatusAsync(HttpClient client, string address)
    {
        var (status, body) = await Api.GetAsync(client, $"/api/wallet/{address}/status");
        Assert.Equal(HttpStatusCode.OK, status);
        return body!;
    }

    public static decimal Cash(JsonNode status) => status["cash"]!.GetValue<decimal>();

    public static decimal Shares(JsonNode status, string symbol) =>
        status["holdings"]!.AsArray().Where(h => h!["symbol"]!.GetValue<string>() == symbol).Sum(h => h!["shares"]!.GetValue<decimal>());
}
