using TreasuryArena.Core.Common;
using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Core.Tests.WalletOptimization;

/// <summary>Issue 18: risk tolerance as a portfolio limit, the weak-evidence fallback, and held paused tokens.</summary>
public sealed partial class WalletOptimizerTests
{
    /// <summary>Uncorrelated tokens with a given expected return, volatility and volatile share; Sharpe 1.5, drawdown 10%: every filter admits them.</summary>
    private static TokenMetrics Priced(string symbol, decimal expected, decimal vol, decimal volatileShare, bool buyable = true) =>
        new(symbol, 1m, buyable, expected, vol, 1.5m, 0.10m, 90) { VolatileShare = volatileShare };

    [Fact]
    public void Recommend_VolatilityCeilingBinds_ConservativeAtOrBelowCeilingAndBelowAggressive()
    {
        // Six tokens at 60% volatility: five at 20% have sqrt(5 · 0.2² · 0.6²) = 26.8% — above CONSERVATIVE's 15%, under AGGRESSIVE's 60%.
        var tokens = Enumerable.Range(0, 6).Select(i => Priced("T" + i, 0.30m + (0.05m * i), 0.60m, 0.2m)).ToArray();
        var conservative = new WalletOptimizer(Universe(tokens), Options).Recommend(Wallet(100_000m, Options.Conservative));
        var aggressive = new WalletOptimizer(Universe(tokens), Options).Recommend(Wallet(100_000m, Options.Aggressive));

        Assert.InRange(conservative.ExpectedVolatility, 0.14m, 0.1501m);
        Assert.True(aggressive.ExpectedVolatility > conservative.ExpectedVolatility + 0.10m, $"{aggressive.ExpectedVolatility} vs {conservative.ExpectedVolatility}");
        Assert.True(conservative.TargetWeights.Values.Sum() < 0.70m, "the ceiling leaves cash");
        Assert.InRange(aggressive.TargetWeights.Values.Sum(), 0.999m, 1m);
        Assert.Contains("volatility ceiling binds", conservative.Reasoning, StringComparison.Ordinal);
        Assert.Equal(0.15m, conservative.Limits.VolatilityCeiling);
        Assert.Equal(0.30m, conservative.Limits.VolatileShareCap);
        Assert.Equal(0.60m, aggressive.Limits.VolatilityCeiling);
        Assert.All(conservative.TargetWeights.Values.Concat(aggressive.TargetWeights.Values), w => Assert.True(w <= 0.20m));
    }

    [Fact]
    public void Recommend_VolatileShareCapBinds_VolatileTokensLimitedToTheCap()
    {
        // Low covariance risk (10% volatility each), so only the MODERATE 60% volatile-share cap can bind: the three
        // crypto tokens (share 1) promise more than the three yield tokens (share 0.1).
        var tokens = new[]
        {
            Priced("C1", 0.40m, 0.10m, 1m), Priced("C2", 0.38m, 0.10m, 1m), Priced("C3", 0.36m, 0.10m, 1m),
            Priced("Y1", 0.08m, 0.10m, 0.1m), Priced("Y2", 0.07m, 0.10m, 0.1m), Priced("Y3", 0.06m, 0.10m, 0.1m),
        };
        var rec = new WalletOptimizer(Universe(tokens), Options).Recommend(Wallet(100_000m, Options.Moderate));

        var share = rec.TargetWeights.Sum(kv => kv.Value * tokens.Single(t => t.Symbol == kv.Key).VolatileShare);
        Assert.InRange(share, 0.595m, 0.6001m);
        Assert.InRange(rec.TargetVolatileShare, 0.595m, 0.6001m);
        Assert.True(rec.TargetWeights.Where(kv => kv.Key.StartsWith('C')).Sum(kv => kv.Value) < 0.60m);
        Assert.True(rec.TargetWeights.Where(kv => kv.Key.StartsWith('Y')).Sum(kv => kv.Value) > 0.05m, "the yield tokens fill the room the cap leaves");
        Assert.Contains("volatile-share cap binds", rec.Reasoning, StringComparison.Ordinal);

        // Without the cap the same tokens put 60% (3 × 20%) in crypto and the rest in the best yield tokens.
        var uncapped = new WalletOptimizer(Universe(tokens), Options).Recommend(Wallet(100_000m, Options.Moderate with { VolatileShareCap = null }));
        Assert.Equal(0.60m, uncapped.TargetWeights.Where(kv => kv.Key.StartsWith('C')).Sum(kv => kv.Value));
    }

    [Fact]
    public void Recommend_WeakEvidence_FallsBackToMinimumVarianceAndSaysSo()
    {
        // Expected returns that would favour the riskiest token; with weak evidence they are ignored and the least
        // variance mix weighs the calm tokens most (uncorrelated: w ∝ 1/σ², capped at 20%).
        var tokens = new[]
        {
            Priced("CALM1", 0.01m, 0.05m, 0.1m), Priced("CALM2", 0.01m, 0.06m, 0.1m), Priced("MID1", 0.05m, 0.20m, 0.1m),
            Priced("MID2", 0.05m, 0.25m, 0.1m), Priced("WILD1", 0.90m, 0.80m, 0.1m), Priced("WILD2", 0.80m, 0.90m, 0.1m),
        };
        var universe = new FakeUniverse(AsOf, tokens) { WeakEvidence = true, ExpectedReturnsMethod = "365-day mean shrunk 97%; fallback: minimum variance" };
        var rec = new WalletOptimizer(universe, Options).Recommend(Wallet(100_000m, Options.Aggressive));
        var normal = new WalletOptimizer(Universe(tokens), Options).Recommend(Wallet(100_000m, Options.Aggressive));

        Assert.Equal("min_variance", rec.Objective);
        Assert.Equal("efficient_risk", normal.Objective);
        Assert.Contains("fallback: minimum variance", rec.ExpectedReturnsMethod, StringComparison.Ordinal);
        Assert.Contains("Minimum-variance weights", rec.Reasoning, StringComparison.Ordinal);
        Assert.Equal(0.20m, rec.TargetWeights["CALM1"]);
        Assert.True(rec.TargetWeights.GetValueOrDefault("WILD1") < rec.TargetWeights["MID1"]);
        Assert.True(normal.TargetWeights["WILD1"] > rec.TargetWeights.GetValueOrDefault("WILD1"));
        Assert.True(rec.ExpectedVolatility < normal.ExpectedVolatility);
    }

    [Fact]
    public void Bug_18_Recommend_HeldPausedToken_KeptUpToCurrentWeightNeverIncreased()
    {
        // A is the best token; paused, the wallet may keep it but not buy more: its 10% holding stays 10%, no order.
        var active = Enumerable.Range(0, 6).Select(i => Priced("T" + i, 0.20m + (0.02m * i), 0.30m, 0.2m)).ToList();
        var paused = Universe([.. active, Priced("A", 0.60m, 0.30m, 0.2m, buyable: false)]);
        var optimizer = new WalletOptimizer(paused, Options);
        var wallet = Wallet(90_000m, Options.Aggressive, null, new WalletPosition("A", 10_000m, 1m));

        var rec = optimizer.Recommend(wallet);

        Assert.Equal(0.10m, rec.TargetWeights["A"]);
        Assert.DoesNotContain(rec.Orders, o => o is { Symbol: "A", Side: OrderSide.Buy });
        // At most the planner's fee haircut (every holding's target is net of the plan's fees), never a real sale.
        Assert.True(rec.Orders.Where(o => o.Symbol == "A").Sum(o => o.Amount) < 0.01m * 10_000m);
        Assert.Contains("no new buys", rec.Reasoning, StringComparison.Ordinal);

        // The same token active would get the 20% cap: the pause only stops the increase.
        var buyable = new WalletOptimizer(Universe([.. active, Priced("A", 0.60m, 0.30m, 0.2m)]), Options).Recommend(wallet);
        Assert.Equal(0.20m, buyable.TargetWeights["A"]);
        Assert.Contains(buyable.Orders, o => o is { Symbol: "A", Side: OrderSide.Buy });
    }

    [Fact]
    public void Bug_18_Recommend_HeldPausedToken_NeverSoldSolelyBecausePaused()
    {
        // For every tolerance and holding size, a paused token's target is min(its target when active, its current weight):
        // it is sold only as far as the same token active would be.
        var active = Enumerable.Range(0, 6).Select(i => Priced("T" + i, 0.20m + (0.04m * i), 0.50m, 0.5m)).ToList();
        foreach (var rule in new[] { Options.Conservative, Options.Moderate, Options.Aggressive })
        {
            foreach (var held in new[] { 5_000m, 15_000m, 30_000m })
            {
                var wallet = Wallet(100_000m - held, rule, null, new WalletPosition("A", held, 1m));
                var asActive = new WalletOptimizer(Universe([.. active, Priced("A", 0.26m, 0.50m, 0.5m)]), Options).Recommend(wallet);
                var asPaused = new WalletOptimizer(Universe([.. active, Priced("A", 0.26m, 0.50m, 0.5m, buyable: false)]), Options).Recommend(wallet);
                var current = held / 100_000m;
                var expected = Math.Min(asActive.TargetWeights.GetValueOrDefault("A"), current);
                Assert.InRange(asPaused.TargetWeights.GetValueOrDefault("A"), expected - 0.002m, Math.Min(expected + 0.002m, current));
                Assert.DoesNotContain(asPaused.Orders, o => o is { Symbol: "A", Side: OrderSide.Buy });
            }
        }
    }

    [Fact]
    public void Target_HeldCapsArePartOfTheCacheKey()
    {
        var tokens = Enumerable.Range(0, 6).Select(i => Priced("T" + i, 0.20m + (0.02m * i), 0.30m, 0.2m)).Append(Priced("A", 0.60m, 0.30m, 0.2m, buyable: false)).ToArray();
        var universe = Universe(tokens);
        var optimizer = new WalletOptimizer(universe, Options);

        var small = optimizer.Recommend(Wallet(95_000m, Options.Aggressive, null, new WalletPosition("A", 5_000m, 1m)));
        var large = optimizer.Recommend(Wallet(85_000m, Options.Aggressive, null, new WalletPosition("A", 15_000m, 1m)));
        var none = optimizer.Recommend(Wallet(100_000m, Options.Aggressive));
        var sameAsSmall = optimizer.Recommend(Wallet(190_000m, Options.Aggressive, null, new WalletPosition("A", 10_000m, 1m)));
        var atTheCap = optimizer.Recommend(Wallet(75_000m, Options.Aggressive, null, new WalletPosition("A", 25_000m, 1m)));

        Assert.Equal(0.05m, small.TargetWeights["A"]);
        Assert.Equal(0.15m, large.TargetWeights["A"]);
        Assert.DoesNotContain("A", none.TargetWeights.Keys);
        Assert.Equal(0.05m, sameAsSmall.TargetWeights["A"]);
        Assert.Equal(0.20m, atTheCap.TargetWeights["A"]);
        // Solves: A at the ordinary cap (shared), A ≤ 5%, A ≤ 15%, no held token; the same 5% and a holding above the
        // ordinary cap (the shared solve does not exceed it) solve nothing new.
        Assert.Equal(4, universe.Solves);
    }
}
