using TreasuryArena.Core.Policy;

namespace TreasuryArena.Core.Tests.Policy;

public sealed class PolicyCheckTests
{
    private static readonly InvestmentPolicy Conservative = InvestmentPolicy.Default with
    {
        MaxVolatileShare = 0.3m,
        MaxTokenWeight = 0.2m,
        ExcludedStrategies = ["momentum"],
        MinTokens = 3,
        LiquidityReserveMonths = 6m,
        MonthlyExpenses = 1_000m,
    };

    private static PolicyHoldings Holdings(decimal cash, params (string Symbol, string Strategy, decimal Value)[] positions) =>
        new(cash, [.. positions.Select(p => new PolicyHoldings.Position(p.Symbol, p.Strategy, p.Value))]);

    [Fact]
    public void Buy_over_token_weight_names_the_clause_and_both_percentages()
    {
        var breach = PolicyCheck.CheckBuy(Conservative, Holdings(90_000m, ("HBTC", "hold-btc", 10_000m)), "HBTC", "hold-btc", 24_000m);
        Assert.NotNull(breach);
        Assert.Equal(PolicyClause.MaxVolatileShare, breach.Clause);

        var weight = PolicyCheck.CheckBuy(Conservative with { MaxVolatileShare = 1m }, Holdings(90_000m, ("HBTC", "hold-btc", 10_000m)), "HBTC", "hold-btc", 24_000m);
        Assert.Equal(PolicyClause.MaxTokenWeight, weight!.Clause);
        Assert.Equal("max_token_weight: HBTC would be 34% of the organisation's holdings, the policy allows 20%", weight.Message);
        Assert.Equal(0.34m, weight.Measured);
        Assert.Equal(0.2m, weight.Limit);
        Assert.Equal("buy about $14,000.00 less of HBTC", weight.Remedy);
    }

    [Fact]
    public void Buy_within_every_clause_passes()
    {
        Assert.Null(PolicyCheck.CheckBuy(Conservative, Holdings(90_000m, ("HBTC", "hold-btc", 10_000m)), "SIXTY", "sixty-forty", 10_000m));
    }

    [Fact]
    public void Buy_of_an_excluded_strategy_is_refused_whatever_the_amount()
    {
        var breach = PolicyCheck.CheckBuy(Conservative, Holdings(100_000m), "MOMO", "momentum", 1m);
        Assert.Equal(PolicyClause.ExcludedStrategies, breach!.Clause);
        Assert.Contains("MOMO (strategy momentum)", breach.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Buy_outside_an_allow_list_names_allowed_strategies()
    {
        var policy = InvestmentPolicy.Default with { AllowedStrategies = ["hold-btc"] };
        var breach = PolicyCheck.CheckBuy(policy, Holdings(100_000m), "MOMO", "momentum", 1m);
        Assert.Equal(PolicyClause.AllowedStrategies, breach!.Clause);
        Assert.Null(PolicyCheck.CheckBuy(policy, Holdings(100_000m), "HBTC", "HOLD-BTC", 1m));
    }

    [Fact]
    public void Buy_into_the_liquidity_reserve_is_refused_with_what_may_be_spent()
    {
        var breach = PolicyCheck.CheckBuy(Conservative, Holdings(8_000m), "HBTC", "hold-btc", 2_500m);
        Assert.Equal(PolicyClause.LiquidityReserveMonths, breach!.Clause);
        Assert.Equal(5_500m, breach.Measured);
        Assert.Equal(6_000m, breach.Limit);
        Assert.Equal("buy at most $2,000.00", breach.Remedy);
    }

    [Fact]
    public void First_buy_is_not_refused_for_min_tokens_but_holdings_report_it()
    {
        Assert.Null(PolicyCheck.CheckBuy(Conservative, Holdings(100_000m), "HBTC", "hold-btc", 5_000m));
        var breaches = PolicyCheck.Breaches(Conservative, Holdings(95_000m, ("HBTC", "hold-btc", 5_000m)));
        var single = Assert.Single(breaches);
        Assert.Equal(PolicyClause.MinTokens, single.Clause);
        Assert.Equal(1m, single.Measured);
        Assert.Equal(3m, single.Limit);
        Assert.Empty(PolicyCheck.Breaches(Conservative, Holdings(100_000m)));
    }

    [Fact]
    public void Market_moves_report_every_breach_with_a_remedy()
    {
        var holdings = Holdings(5_000m, ("HBTC", "hold-btc", 60_000m), ("MOMO", "momentum", 5_000m), ("SIXTY", "sixty-forty", 30_000m));
        var clauses = PolicyCheck.Breaches(Conservative, holdings).Select(b => b.Clause).ToList();
        Assert.Equal([PolicyClause.ExcludedStrategies, PolicyClause.LiquidityReserveMonths, PolicyClause.MaxVolatileShare, PolicyClause.MaxTokenWeight, PolicyClause.MaxTokenWeight], clauses);
        var top = PolicyCheck.Breaches(Conservative, holdings).First(b => b.Clause == PolicyClause.MaxTokenWeight);
        Assert.Equal("HBTC", top.Symbol);
        Assert.Equal("sell about $40,000.00 of HBTC", top.Remedy);
    }

    [Fact]
    public void Sells_are_never_checked_and_the_default_refuses_nothing()
    {
        Assert.Null(PolicyCheck.CheckBuy(InvestmentPolicy.Default, Holdings(100m), "HBTC", "hold-btc", 100m));
        Assert.Empty(PolicyCheck.Breaches(InvestmentPolicy.Default, Holdings(0m, ("HBTC", "hold-btc", 100m))));
        Assert.Empty(InvestmentPolicy.Default.Problems());
    }

    [Fact]
    public void Problems_name_each_bad_clause_and_its_line()
    {
        var bad = InvestmentPolicy.Default with { MaxTokenWeight = 1.2m, AllowedStrategies = ["a"], ExcludedStrategies = ["b"], LiquidityReserveMonths = 3m };
        var problems = bad.Problems(new Dictionary<string, int> { [PolicyClause.MaxTokenWeight] = 4 });
        Assert.Contains(problems, p => p.Clause == PolicyClause.MaxTokenWeight && p.Line == 4);
        Assert.Contains(problems, p => p.Clause == PolicyClause.ExcludedStrategies && p.Message.Contains("not both", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Clause == PolicyClause.LiquidityReserveMonths && p.Message.Contains("monthly_expenses", StringComparison.Ordinal));
    }

    [Fact]
    public void A_partial_change_keeps_the_clauses_it_does_not_set()
    {
        var change = new PolicyChange { MinTokens = 4, Benchmark = PolicyBenchmark.TBill };
        var next = change.ApplyTo(Conservative);
        Assert.Equal(4, next.MinTokens);
        Assert.Equal(PolicyBenchmark.TBill, next.Benchmark);
        Assert.Equal(Conservative.MaxTokenWeight, next.MaxTokenWeight);
        Assert.Equal(Conservative.ExcludedStrategies, next.ExcludedStrategies);
        Assert.Equal([PolicyClause.MinTokens, PolicyClause.Benchmark], change.Clauses);
    }
}
