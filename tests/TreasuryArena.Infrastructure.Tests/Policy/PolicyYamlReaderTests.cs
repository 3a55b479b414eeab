using TreasuryArena.Core.Common;
using TreasuryArena.Core.Policy;
using TreasuryArena.Infrastructure.Policy;

namespace TreasuryArena.Infrastructure.Tests.Policy;

public sealed class PolicyYamlReaderTests
{
    private static string Docs(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "docs", "ips")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("docs/ips not found"), "docs", "ips", file);
    }

    [Theory]
    [InlineData("church-conservative.yaml")]
    [InlineData("trust-growth.yaml")]
    [InlineData("expenses-update.yaml")]
    public void Shipped_examples_parse_and_validate(string file)
    {
        var change = PolicyYamlReader.Load(Docs(file));
        Assert.NotEmpty(change.Clauses);
        Assert.Empty(change.ApplyTo(InvestmentPolicy.Default).Problems());
    }

    [Fact]
    public void Conservative_example_reads_every_clause()
    {
        var policy = PolicyYamlReader.Load(Docs("church-conservative.yaml")).ApplyTo(InvestmentPolicy.Default);
        Assert.Equal(0.25m, policy.MaxVolatileShare);
        Assert.Equal(0.10m, policy.MaxTokenWeight);
        Assert.Contains("treasury-60-40", policy.AllowedStrategies);
        Assert.Equal(216_000m, policy.LiquidityReserveUsd);
        Assert.Equal(PolicyBenchmark.TBill, policy.Benchmark);
        Assert.Equal(PolicyRebalanceFrequency.Quarterly, policy.RebalanceFrequency);
        Assert.Equal(10_000m, policy.DualControlThreshold);
    }

    [Fact]
    public void Partial_file_sets_only_its_clauses_and_records_their_lines()
    {
        var change = PolicyYamlReader.Parse("# budget\n\nmonthly_expenses: 21,500\nbenchmark: 60/40 btc/t-bill\n", "b.yaml");
        Assert.Equal([PolicyClause.MonthlyExpenses, PolicyClause.Benchmark], change.Clauses);
        Assert.Equal(21_500m, change.MonthlyExpenses);
        Assert.Equal(PolicyBenchmark.Btc60TBill40, change.Benchmark);
        Assert.Equal(3, change.Lines[PolicyClause.MonthlyExpenses]);
    }

    [Theory]
    [InlineData("min_tokens: 2\nmax_token_weight: 120%\n", "ips.yaml:2: max_token_weight: must be a fraction between 0 and 1")]
    [InlineData("max_tokens: 2\n", "ips.yaml:1: unknown clause `max_tokens`")]
    [InlineData("min_tokens: 2\n\n\nmin_tokens: three\n", "ips.yaml:4: ")]
    [InlineData("min_tokens: three\n", "ips.yaml:1: min_tokens: `three` is not a whole number")]
    [InlineData("benchmark: S&P 500\n", "ips.yaml:1: benchmark: `S&P 500` must be one of 'T-bill', '60/40 BTC/T-bill'")]
    [InlineData("rebalance_frequency: hourly\n", "ips.yaml:1: rebalance_frequency: `hourly` must be one of")]
    [InlineData("min_tokens: 1\nallowed_strategies: hold-btc\n", "ips.yaml:2: allowed_strategies: must be a list")]
    [InlineData("min_tokens: [1\n", "ips.yaml:")]
    [InlineData("- a\n- b\n", "ips.yaml:1: a policy must be a mapping")]
    public void Errors_name_file_line_and_clause(string yaml, string expected)
    {
        var ex = Assert.Throws<DomainException>(() => PolicyYamlReader.Parse(yaml, "ips.yaml"));
        Assert.Equal(Outcome.InvalidPolicy, ex.Outcome);
        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }
}
