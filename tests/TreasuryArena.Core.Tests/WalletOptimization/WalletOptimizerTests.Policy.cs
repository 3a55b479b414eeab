using FsCheck;
using FsCheck.Fluent;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Policy;
using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Core.Tests.WalletOptimization;

/// <summary>Issue 21: the optimizer solves inside the organisation's IPS (caps, allowed set, reserve in cash, min tokens) or refuses naming the clause.</summary>
public sealed partial class WalletOptimizerTests
{
    private static readonly string[] Six = ["T0", "T1", "T2", "T3", "T4", "T5"];

    /// <summary>Six uncorrelated tokens every filter admits, T0 the most promising; strategy "s-Tn" each.</summary>
    private static FakeUniverse SixTokens() =>
        Universe([.. Six.Select((s, i) => Priced(s, 0.40m - (0.04m * i), 0.25m, 0.2m))]);

    private static Dictionary<string, string> Strategies(IEnumerable<string> symbols) => symbols.ToDictionary(s => s, s => "s-" + s, StringComparer.Ordinal);

    private static PolicyLimits Limits(InvestmentPolicy policy, decimal orgCash, params (string Symbol, decimal Value)[] held) =>
        PolicyLimits.For(policy, new PolicyHoldings(orgCash, [.. held.Select(h => new PolicyHoldings.Position(h.Symbol, "s-" + h.Symbol, h.Value))]), Strategies(Six), 1);

    private static WalletSnapshot Inside(WalletSnapshot wallet, PolicyLimits limits) => wallet with { Policy = limits };

    [Fact]
    public void Recommend_PolicyTokenCap_EveryWeightAtMostTheStricterCap()
    {
        var limits = Limits(InvestmentPolicy.Default with { MaxTokenWeight = 0.10m }, 100_000m);
        var rec = new WalletOptimizer(SixTokens(), Options).Recommend(Inside(Wallet(100_000m, Options.Aggressive), limits));
        var free = new WalletOptimizer(SixTokens(), Options).Recommend(Wallet(100_000m, Options.Aggressive));

        Assert.Null(rec.PolicyRefusal);
        Assert.All(rec.TargetWeights.Values, w => Assert.True(w <= 0.10m, $"{w}"));
        Assert.Contains(free.TargetWeights.Values, w => w > 0.10m);
        Assert.True(rec.TargetWeights.Values.Sum() <= 0.60m);
        Assert.Contains("max_token_weight 10%", rec.Reasoning, StringComparison.Ordinal);
        Assert.All(rec.Orders, o => Assert.True(o.Shares * o.QuotedNav <= 10_000m, $"{o.Symbol} {o.Shares}"));
    }

    [Fact]
    public void Recommend_LiquidityReserve_KeptInCashNeverInvested()
    {
        // 12 months of $2,500 = $30,000 of a $100,000 organisation: 30% stays in cash.
        var policy = InvestmentPolicy.Default with { LiquidityReserveMonths = 12m, MonthlyExpenses = 2_500m };
        var limits = Limits(policy, 100_000m);
        var rec = new WalletOptimizer(SixTokens(), Options).Recommend(Inside(Wallet(100_000m, Options.Aggressive), limits));

        Assert.Equal(0.30m, limits.ReserveShare);
        Assert.Equal(PolicyClause.LiquidityReserveMonths, limits.InvestedClause);
        Assert.True(rec.TargetWeights.Values.Sum() <= 0.70m, $"{rec.TargetWeights.Values.Sum()}");
        Assert.True(rec.TargetWeights.Values.Sum() > 0.60m, "the rest is invested");
        // The fees of the buys come out of cash: the plan's execution is fitted to the reserve (PolicyPlanFitTests).
        Assert.True(rec.Plan.CashAfter + rec.Plan.EstimatedFees >= 30_000m, $"{rec.Plan.CashAfter} + {rec.Plan.EstimatedFees}");
        Assert.Contains("of the wallet in cash (liquidity_reserve_months)", rec.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_VolatileShareClause_CapsTheSumOfTokenWeights()
    {
        var limits = Limits(InvestmentPolicy.Default with { MaxVolatileShare = 0.25m }, 100_000m);
        var rec = new WalletOptimizer(SixTokens(), Options).Recommend(Inside(Wallet(100_000m, Options.Aggressive), limits));

        Assert.InRange(rec.TargetWeights.Values.Sum(), 0.24m, 0.25m);
        Assert.Equal(PolicyClause.MaxVolatileShare, limits.InvestedClause);
    }

    [Fact]
    public void Recommend_HeldTokenNotAllowed_SoldAndNeverBought()
    {
        var limits = Limits(InvestmentPolicy.Default with { ExcludedStrategies = ["s-T0"] }, 80_000m, ("T0", 20_000m));
        var wallet = Wallet(80_000m, Options.Aggressive, null, new WalletPosition("T0", 20_000m, 1m));
        var rec = new WalletOptimizer(SixTokens(), Options).Recommend(Inside(wallet, limits));

        Assert.DoesNotContain("T0", rec.TargetWeights.Keys);
        var sell = Assert.Single(rec.Orders, o => o.Symbol == "T0");
        Assert.Equal(OrderSide.Sell, sell.Side);
        Assert.Equal(20_000m, sell.Shares);
        Assert.DoesNotContain(rec.Orders, o => o.Symbol == "T0" && o.Side == OrderSide.Buy);
        Assert.Contains("excluded_strategies does not allow their strategy (sold when held): T0", rec.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_MinTokensAboveCandidates_RefusedNamingTheClause()
    {
        var limits = Limits(InvestmentPolicy.Default with { MinTokens = 8 }, 100_000m);
        var rec = new WalletOptimizer(SixTokens(), Options).Recommend(Inside(Wallet(100_000m, Options.Aggressive), limits));

        Assert.NotNull(rec.PolicyRefusal);
        Assert.Equal(PolicyClause.MinTokens, rec.PolicyRefusal.Clause);
        Assert.Empty(rec.Orders);
        Assert.False(rec.ShouldTrade);
        Assert.Contains("Refused by the organisation's investment policy", rec.Reasoning, StringComparison.Ordinal);
        Assert.Contains("min_tokens: the policy asks for at least 8 tokens, but only 6 pass", rec.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_AllowedSetLeavesNoCandidate_RefusalNamesAllowedStrategies()
    {
        var limits = Limits(InvestmentPolicy.Default with { AllowedStrategies = ["not-listed"] }, 100_000m);
        var rec = new WalletOptimizer(SixTokens(), Options).Recommend(Inside(Wallet(100_000m, Options.Aggressive), limits));

        Assert.Equal(PolicyClause.AllowedStrategies, rec.PolicyRefusal?.Clause);
        Assert.Empty(rec.Orders);
    }

    [Fact]
    public void Recommend_ReserveAboveHoldings_RefusalNamesTheReserve()
    {
        var limits = Limits(InvestmentPolicy.Default with { LiquidityReserveMonths = 24m, MonthlyExpenses = 10_000m }, 100_000m);
        var rec = new WalletOptimizer(SixTokens(), Options).Recommend(Inside(Wallet(100_000m, Options.Aggressive), limits));

        Assert.Equal(0m, limits.InvestedCap);
        Assert.Equal(PolicyClause.LiquidityReserveMonths, rec.PolicyRefusal?.Clause);
        Assert.Contains("nothing may be invested", rec.PolicyRefusal!.Message, StringComparison.Ordinal);
        Assert.Empty(rec.Orders);
    }

    [Fact]
    public void Recommend_MinTokensAboveSolution_ForcesTheBestTokensIn()
    {
        // No platform cap: the solution concentrates in the best tokens; min_tokens 5 forces five in at 1% or more.
        var options = Options with { MaxWeight = 1m };
        var tokens = new[] { Priced("A", 0.90m, 0.30m, 0.2m), Priced("B", 0.10m, 0.30m, 0.2m), Priced("C", 0.08m, 0.30m, 0.2m), Priced("D", 0.06m, 0.30m, 0.2m), Priced("E", 0.05m, 0.30m, 0.2m), Priced("F", 0.04m, 0.30m, 0.2m) };
        var limits = PolicyLimits.For(InvestmentPolicy.Default with { MinTokens = 5 }, new PolicyHoldings(100_000m, []), tokens.ToDictionary(t => t.Symbol, t => "s"), 1);
        var free = new WalletOptimizer(Universe(tokens), options).Recommend(Wallet(100_000m, options.Aggressive with { VolatilityCeiling = null }));
        var rec = new WalletOptimizer(Universe(tokens), options).Recommend(Inside(Wallet(100_000m, options.Aggressive with { VolatilityCeiling = null }), limits));

        Assert.True(free.TargetWeights.Count < 5, string.Join(",", free.TargetWeights));
        Assert.Null(rec.PolicyRefusal);
        Assert.True(rec.TargetWeights.Count >= 5, string.Join(",", rec.TargetWeights));
        Assert.All(rec.TargetWeights.Values, w => Assert.True(w >= PolicyLimits.MinTokenWeight - 0.0001m, $"{w}"));
        Assert.Contains("min_tokens: the solution held", rec.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_SameLimits_SolvedOncePerKey()
    {
        var universe = SixTokens();
        var optimizer = new WalletOptimizer(universe, Options);
        var limits = Limits(InvestmentPolicy.Default with { MaxTokenWeight = 0.12m }, 100_000m);
        optimizer.Recommend(Inside(Wallet(100_000m, Options.Aggressive), limits));
        var solves = universe.Solves;
        optimizer.Recommend(Inside(new WalletSnapshot("w2", 50_000m, [], Options.Aggressive, null, null), limits));
        optimizer.Recommend(Wallet(100_000m, Options.Aggressive));

        Assert.Equal(solves + 1, universe.Solves);
    }

    /// <summary>
    /// Property: whatever the policy, the target respects every cap (the stricter of 20% and max_token_weight), the
    /// invested cap (max_volatile_share and the reserve), never holds a disallowed token, and holds at least min_tokens
    /// tokens, or the recommendation is a refusal naming a clause with no orders.
    /// </summary>
    [Fact]
    public void Recommend_AnyPolicy_TargetInsideItOrRefusedNamingAClause()
    {
        var gen =
            from cap in Gen.Choose(1, 100)
            from share in Gen.Choose(0, 100)
            from months in Gen.Choose(0, 30)
            from expenses in Gen.Choose(0, 10_000)
            from minTokens in Gen.Choose(0, 8)
            from excluded in Gen.Choose(0, 63)
            from risk in Gen.Choose(0, 2)
            select (Cap: cap / 100m, Share: share / 100m, Months: (decimal)months, Expenses: (decimal)expenses, MinTokens: minTokens, Excluded: excluded, Risk: risk);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), Prop.ForAll(Arb.From(gen), c =>
        {
            var excluded = Six.Where((_, i) => (c.Excluded & (1 << i)) != 0).Select(s => "s-" + s).ToList();
            var policy = InvestmentPolicy.Default with
            {
                MaxTokenWeight = c.Cap,
                MaxVolatileShare = c.Share,
                LiquidityReserveMonths = c.Expenses == 0m ? 0m : c.Months,
                MonthlyExpenses = c.Expenses,
                MinTokens = c.MinTokens,
                ExcludedStrategies = excluded,
            };
            var limits = Limits(policy, 100_000m);
            var filter = c.Risk switch { 0 => Options.Conservative, 1 => Options.Moderate, _ => Options.Aggressive };
            var rec = new WalletOptimizer(SixTokens(), Options).Recommend(Inside(Wallet(100_000m, filter), limits));
            if (rec.PolicyRefusal is { } refusal)
            {
                Assert.Contains(refusal.Clause, PolicyClause.All);
                Assert.Empty(rec.Orders);
                return;
            }

            Assert.All(rec.TargetWeights, kv => Assert.True(kv.Value <= Math.Min(0.20m, c.Cap), $"{kv.Key} {kv.Value} > cap {c.Cap}"));
            Assert.True(rec.TargetWeights.Values.Sum() <= limits.InvestedCap, $"{rec.TargetWeights.Values.Sum()} > {limits.InvestedCap}");
            Assert.True(rec.Plan.CashAfter + rec.Plan.EstimatedFees >= (limits.ReserveShare * 100_000m) - 0.01m, $"cash {rec.Plan.CashAfter} + fees {rec.Plan.EstimatedFees} < reserve {limits.ReserveShare}");
            Assert.DoesNotContain(rec.TargetWeights.Keys, s => excluded.Contains("s-" + s));
            Assert.True(rec.TargetWeights.Count == 0 && limits.InvestedCap == 0m || rec.TargetWeights.Count >= c.MinTokens,
                $"{rec.TargetWeights.Count} tokens < min {c.MinTokens}: {rec.Reasoning}");
        }));
    }
}
