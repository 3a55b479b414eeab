using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Core.Tests.WalletOptimization;

public sealed partial class WalletOptimizerTests
{
    private static readonly DateOnly AsOf = new(2024, 6, 30);
    private static readonly WalletOptimizerOptions Options = new();

    // Volatile share 0.25: a fully invested mix of these stays under every default volatile-share cap (30% the lowest), so
    // these tests see the filters and plan limits alone; the portfolio limits have their own tests.
    private static TokenMetrics Token(string symbol, decimal sharpe, decimal mdd, bool buyable = true) =>
        new(symbol, 1m, buyable, sharpe * 0.3m, 0.3m, sharpe, mdd, 90) { VolatileShare = 0.25m };

    private static FakeUniverse Universe(params TokenMetrics[] tokens) => new(AsOf, tokens);

    private static WalletSnapshot Wallet(decimal cash, RiskFilterRule filter, int? maxTokens = null, params WalletPosition[] positions) =>
        new("w1", cash, positions, filter, maxTokens, null);

    [Fact]
    public void Recommend_ConservativeFilter_ExcludesHighDrawdownAndLowSharpe()
    {
        var universe = Universe(
            Token("A", 1.5m, 0.10m), Token("B", 1.2m, 0.15m), Token("C", 2.0m, 0.25m), Token("D", 0.8m, 0.05m),
            Token("E", 1.1m, 0.19m), Token("F", 1.3m, 0.12m), Token("G", 1.4m, 0.18m));
        var optimizer = new WalletOptimizer(universe, Options);

        var rec = optimizer.Recommend(Wallet(100_000m, Options.Conservative));

        Assert.DoesNotContain("C", rec.TargetWeights.Keys);
        Assert.DoesNotContain("D", rec.TargetWeights.Keys);
        Assert.Equal(5, rec.TargetWeights.Count);
        Assert.All(rec.TargetWeights.Values, w => Assert.True(w <= 0.20m));
        Assert.InRange(rec.TargetWeights.Values.Sum(), 0.999m, 1m);
        Assert.True(rec.ShouldTrade);
    }

    [Fact]
    public void Recommend_FewerThanFiveQualify_SaysSoAndKeepsRestInCash()
    {
        var universe = Universe(Token("A", 1.5m, 0.10m), Token("B", 1.2m, 0.15m), Token("C", 0.2m, 0.5m));
        var optimizer = new WalletOptimizer(universe, Options);

        var rec = optimizer.Recommend(Wallet(100_000m, Options.Moderate));

        Assert.Equal(["A", "B"], rec.TargetWeights.Keys.Order(StringComparer.Ordinal));
        Assert.All(rec.TargetWeights.Values, w => Assert.True(w <= 0.20m));
        Assert.True(rec.TargetWeights.Values.Sum() <= 0.40m);
        Assert.Contains("stays in cash", rec.Reasoning, StringComparison.Ordinal);
        Assert.Contains("Only 2 tokens", rec.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_NothingQualifies_AllCashNoOrders()
    {
        var universe = Universe(Token("A", -0.5m, 0.40m), Token("B", 0.3m, 0.35m));
        var optimizer = new WalletOptimizer(universe, Options);

        var rec = optimizer.Recommend(Wallet(100_000m, Options.Conservative));

        Assert.Empty(rec.TargetWeights);
        Assert.Empty(rec.Orders);
        Assert.False(rec.ShouldTrade);
    }

    [Fact]
    public void Recommend_PlanLimitThree_HoldsAtMostThree()
    {
        var universe = Universe(Enumerable.Range(0, 8).Select(i => Token("T" + i, 1m + (i / 10m), 0.1m)).ToArray());
        var optimizer = new WalletOptimizer(universe, Options);

        var rec = optimizer.Recommend(Wallet(50_000m, Options.Aggressive, maxTokens: 3));

        Assert.Equal(3, rec.TargetWeights.Count);
        Assert.Contains("at most 3 tokens", rec.Reasoning, StringComparison.Ordinal);
        Assert.True(rec.TargetWeights.Values.Sum() <= 0.60m);
    }

    [Fact]
    public void Recommend_NotBuyableTokenNotHeld_NeverTargeted()
    {
        var universe = Universe(Token("A", 3m, 0.1m, buyable: false), Token("B", 1m, 0.1m));
        var optimizer = new WalletOptimizer(universe, Options);

        var rec = optimizer.Recommend(Wallet(1_000m, Options.Aggressive));

        Assert.DoesNotContain("A", rec.TargetWeights.Keys);
        Assert.DoesNotContain(rec.Orders, o => o.Symbol == "A");
    }

    [Fact]
    public void Recommend_SameFilterManyWallets_SolvesOnce()
    {
        var universe = Universe(Enumerable.Range(0, 6).Select(i => Token("T" + i, 1m + (i / 10m), 0.1m)).ToArray());
        var optimizer = new WalletOptimizer(universe, Options);

        for (var i = 0; i < 50; i++)
        {
            optimizer.Recommend(Wallet(1_000m + i, Options.Moderate));
        }

        Assert.Equal(1, universe.Solves);
    }

    [Fact]
    public void Recommend_TinyWallet_CostAboveBenefitIsNotWorthwhile()
    {
        var universe = Universe(Enumerable.Range(0, 5).Select(i => Token("T" + i, 0.6m, 0.1m)).ToArray());
        var optimizer = new WalletOptimizer(universe, Options);
        // Already on target except a small drift: the fees of fixing it exceed the gain.
        var positions = Enumerable.Range(0, 5).Select(i => new WalletPosition("T" + i, i == 0 ? 2_300m : 1_950m, 1m)).ToArray();

        var rec = optimizer.Recommend(Wallet(0m, Options.Moderate, null, positions));

        Assert.False(rec.Worthwhile);
        Assert.False(rec.ShouldTrade);
        Assert.Contains("no rebalance is proposed", rec.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_RecentRebalanceSmallDrift_NotDue()
    {
        var universe = Universe(Enumerable.Range(0, 5).Select(i => Token("T" + i, 1m, 0.1m)).ToArray());
        var optimizer = new WalletOptimizer(universe, Options);
        var positions = Enumerable.Range(0, 5).Select(i => new WalletPosition("T" + i, 2_000m, 1m)).ToArray();

        var rec = optimizer.Recommend(new WalletSnapshot("w", 0m, positions, Options.Moderate, null, AsOf.AddDays(-3)));

        Assert.False(rec.Due);
        Assert.Contains("Not due", rec.Reasoning, StringComparison.Ordinal);
    }
}
