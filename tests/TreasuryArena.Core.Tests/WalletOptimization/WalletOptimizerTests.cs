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
        Assert.Contains("Held: the ", rec.Reasoning, StringComparison.Ordinal);
    }

    /// <summary>
    /// Four tokens at 20% and 20% cash; the fifth target token has Sharpe <paramref name="sharpe"/> (μ = 0.3 × Sharpe,
    /// σ = 30%). Sharpe 0.25: benefit ≈ 1.4 × fees (the old rule, benefit > fees, traded); Sharpe 0.6: ≈ 4 × fees.
    /// </summary>
    private static WalletRecommendation CashToFifth(decimal sharpe, WalletOptimizerOptions? options = null)
    {
        var tokens = Enumerable.Range(0, 4).Select(i => Token("T" + i, 1m, 0.1m)).Append(Token("T4", sharpe, 0.1m)).ToArray();
        var optimizer = new WalletOptimizer(Universe(tokens), options ?? Options);
        var positions = Enumerable.Range(0, 4).Select(i => new WalletPosition("T" + i, 20_000m, 1m)).ToArray();
        return optimizer.Recommend(Wallet(20_000m, Options.Aggressive, null, positions));
    }

    [Fact]
    public void Recommend_BenefitBetweenOnceAndTwiceFees_HeldByMargin()
    {
        var rec = CashToFifth(0.25m);

        Assert.True(rec.ExpectedBenefit > rec.EstimatedCost, $"{rec.ExpectedBenefit} vs {rec.EstimatedCost}");
        Assert.True(rec.ExpectedBenefit < 2m * rec.EstimatedCost, $"{rec.ExpectedBenefit} vs {rec.EstimatedCost}");
        Assert.Equal(2m * rec.EstimatedCost, rec.RequiredBenefit);
        Assert.True(rec.Due);
        Assert.False(rec.Worthwhile);
        Assert.False(rec.ShouldTrade);
        Assert.Contains(" orders would cost about $", rec.Reasoning, StringComparison.Ordinal);
        Assert.Contains("at least 2 × its fees", rec.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_BenefitBetweenOnceAndTwiceFees_TradesWhenMarginIsOne()
    {
        var rec = CashToFifth(0.25m, Options with { BenefitCostMultiple = 1m });

        Assert.True(rec.ShouldTrade);
    }

    [Fact]
    public void Recommend_BenefitAboveTwiceFees_Trades()
    {
        var rec = CashToFifth(0.6m);

        Assert.True(rec.ExpectedBenefit >= 2m * rec.EstimatedCost, $"{rec.ExpectedBenefit} vs {rec.EstimatedCost}");
        Assert.True(rec.ShouldTrade);
        Assert.Equal("full", rec.Method);
        Assert.Contains("Trades: the ", rec.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_DriftBelowMinimum_HeldWhateverTheBenefit()
    {
        // T4's expected return is 300% a year, so moving 1.5 points into it "pays" many times its fee on paper.
        var tokens = Enumerable.Range(0, 4).Select(i => Token("T" + i, 1m, 0.1m)).Append(Token("T4", 10m, 0.1m)).ToArray();
        var optimizer = new WalletOptimizer(Universe(tokens), Options);
        var positions = new[]
        {
            new WalletPosition("T0", 21_500m, 1m), new WalletPosition("T1", 20_000m, 1m), new WalletPosition("T2", 20_000m, 1m),
            new WalletPosition("T3", 20_000m, 1m), new WalletPosition("T4", 18_500m, 1m),
        };

        var rec = optimizer.Recommend(Wallet(0m, Options.Aggressive, null, positions));

        Assert.True(rec.ExpectedBenefit > 2m * rec.EstimatedCost, $"{rec.ExpectedBenefit} vs {rec.EstimatedCost}");
        Assert.InRange(rec.Drift, 0.0149m, 0.0151m);
        Assert.False(rec.ShouldTrade);
        Assert.Contains("Held: drift is 1.5 %, below the minimum", rec.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_BandPlan_LeavesPositionsInsideTheBandUntouched()
    {
        // Six equal tokens (targets 16.67% each). T0 and T3 are 0.83 points off (inside a 2-point band, and between them
        // on target), T1 and T2 far off. Over a one-day horizon moving T0 and T3 is worth less than its fees, so the band
        // plan (trading only T1 and T2) nets more than the full rebalance.
        var tokens = Enumerable.Range(0, 6).Select(i => Token("T" + i, 1m, 0.1m)).ToArray();
        var optimizer = new WalletOptimizer(Universe(tokens), Options with { NoTradeBand = 0.02m, BenefitCostMultiple = 0m, MinRebalanceDrift = 0m, BenefitHorizonDays = 1 });
        var positions = new[]
        {
            new WalletPosition("T0", 17_500m, 1m), new WalletPosition("T1", 26_000m, 1m), new WalletPosition("T2", 7_333.33m, 1m),
            new WalletPosition("T3", 15_833.33m, 1m), new WalletPosition("T4", 16_666.67m, 1m), new WalletPosition("T5", 16_666.67m, 1m),
        };

        var rec = optimizer.Recommend(Wallet(0m, Options.Aggressive, null, positions));

        Assert.True(rec.Method == "band", rec.Reasoning);
        Assert.Equal(["T1", "T2"], rec.Orders.Select(o => o.Symbol).Order(StringComparer.Ordinal));
        Assert.Contains("only the positions more than 2 % points from target", rec.Reasoning, StringComparison.Ordinal);
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
