using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Infrastructure.Tests.Tokens;

/// <summary>
/// Issue 18 on the shipped history: library strategies tokenised in October 2020 and stepped to the end of March 2021;
/// the token universe the optimizer sees on that date (all tokens quoted buyable, so every tolerance has the same tokens)
/// gives the three tolerances' portfolio limits clearly different targets.
/// </summary>
public sealed class RiskLimitsShippedHistoryTests
{
    private static readonly DateOnly Inception = new(2020, 10, 1);
    private static readonly DateOnly AsOf = new(2021, 3, 31);
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly (string Strategy, string Symbol, Dictionary<string, string>? Parameters)[] Strategies =
    [
        ("buy-and-hold", "HBTC", new() { ["asset"] = "BTC" }),
        ("buy-and-hold", "HETH", new() { ["asset"] = "ETH" }),
        ("ma-trend", "TRND", null),
        ("dual-momentum", "DMOM", null),
        ("risk-parity", "RPAR", null),
        ("vol-target", "VTGT", null),
        ("treasury-60-40", "T6040", null),
        ("fixed-weight", "FIXW", null),
        ("rsi-reversion", "RSIR", null),
    ];

    [Fact]
    public async Task Targets_SameTokens_ThreeTolerancesHaveClearlyDifferentExpectedVolatility()
    {
        await using var f = await TokensFixture.CreateAsync();
        var rt = f.Runtime;
        foreach (var (strategy, symbol, parameters) in Strategies)
        {
            await rt.Issuer.IssueAsync(strategy, symbol, parameters, Inception, Ct);
        }

        await rt.Nav.RunAsync(AsOf, Ct);
        var histories = new Dictionary<string, IReadOnlyList<NavHistoryRow>>(StringComparer.Ordinal);
        foreach (var (_, symbol, _) in Strategies)
        {
            histories[symbol] = await rt.NavStore.HistoryAsync(symbol, null, Ct);
        }

        var quotes = histories.ToDictionary(kv => kv.Key, kv => (kv.Value[^1].Nav, true), StringComparer.Ordinal);
        var universe = TokenUniverse.Build(AsOf, histories, quotes, new TokenUniverseOptions(90, rt.RiskFree) { VolatileReference = rt.History.Btc.Closes });
        var o = new WalletOptimizerOptions();
        var optimizer = new WalletOptimizer(universe, o);

        // The same token filter for all three (AGGRESSIVE's), each tolerance's own portfolio limits.
        var vols = new[] { o.Conservative, o.Moderate, o.Aggressive }
            .Select(rule => universe.Evaluate(optimizer.Target(o.Aggressive with { VolatilityCeiling = rule.VolatilityCeiling, VolatileShareCap = rule.VolatileShareCap }, null).Weights))
            .ToList();

        Assert.True(universe.Tokens.Count >= 8, string.Join("; ", universe.Notes));
        Assert.Contains("cross-sectional mean", universe.ExpectedReturnsMethod, StringComparison.Ordinal);
        Assert.All(universe.Tokens.Values, t => Assert.InRange(t.VolatileShare, 0m, 1m));
        Assert.True(universe.Tokens["HBTC"].VolatileShare > 0.95m, $"HBTC volatile share {universe.Tokens["HBTC"].VolatileShare}");
        Assert.True(vols[0].Volatility <= 0.1505m, $"CONSERVATIVE {vols[0].Volatility}");
        Assert.True(vols[1].Volatility <= 0.3005m, $"MODERATE {vols[1].Volatility}");
        Assert.True(vols[1].Volatility > vols[0].Volatility + 0.05m, $"MODERATE {vols[1].Volatility} vs CONSERVATIVE {vols[0].Volatility}");
        Assert.True(vols[2].Volatility > vols[1].Volatility + 0.05m, $"AGGRESSIVE {vols[2].Volatility} vs MODERATE {vols[1].Volatility}");
    }
}
