using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Policy;

/// <summary>
/// The IPS clauses as JSON carries them (snake_case, the clause names of YAML files; enums as written text): the body of
/// <c>PUT /api/orgs/me/policy</c> (a clause left out or null keeps its current value), the stored form of a version,
/// and the <c>policy</c> of <c>GET</c> and <c>arena policy show --json</c>.
/// </summary>
public sealed record PolicyDocument
{
    public decimal? MaxVolatileShare { get; init; }

    public decimal? MaxTokenWeight { get; init; }

    public IReadOnlyList<string>? AllowedStrategies { get; init; }

    public IReadOnlyList<string>? ExcludedStrategies { get; init; }

    public int? MinTokens { get; init; }

    public decimal? LiquidityReserveMonths { get; init; }

    public decimal? MonthlyExpenses { get; init; }

    public decimal? MaxDrawdownTolerance { get; init; }

    /// <summary><c>T-bill</c> or <c>60/40 BTC/T-bill</c>.</summary>
    public string? Benchmark { get; init; }

    public decimal? DualControlThreshold { get; init; }

    /// <summary><c>daily</c>, <c>weekly</c>, <c>monthly</c> or <c>quarterly</c>.</summary>
    public string? RebalanceFrequency { get; init; }

    /// <summary>Every clause of <paramref name="policy"/>.</summary>
    public static PolicyDocument From(InvestmentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new PolicyDocument
        {
            MaxVolatileShare = policy.MaxVolatileShare,
            MaxTokenWeight = policy.MaxTokenWeight,
            AllowedStrategies = policy.AllowedStrategies,
            ExcludedStrategies = policy.ExcludedStrategies,
            MinTokens = policy.MinTokens,
            LiquidityReserveMonths = policy.LiquidityReserveMonths,
            MonthlyExpenses = policy.MonthlyExpenses,
            MaxDrawdownTolerance = policy.MaxDrawdownTolerance,
            Benchmark = PolicyText.Of(policy.Benchmark),
            DualControlThreshold = policy.DualControlThreshold,
            RebalanceFrequency = PolicyText.Of(policy.RebalanceFrequency),
        };
    }

    /// <summary>The change this document asks for (<see cref="Outcome.InvalidPolicy"/> for an unknown benchmark or frequency).</summary>
    public PolicyChange ToChange(string source = "request") => new()
    {
        MaxVolatileShare = MaxVolatileShare,
        MaxTokenWeight = MaxTokenWeight,
        AllowedStrategies = AllowedStrategies?.ToList(),
        ExcludedStrategies = ExcludedStrategies?.ToList(),
        MinTokens = MinTokens,
        LiquidityReserveMonths = LiquidityReserveMonths,
        MonthlyExpenses = MonthlyExpenses,
        MaxDrawdownTolerance = MaxDrawdownTolerance,
        Benchmark = Benchmark is null ? null : PolicyText.Benchmark(Benchmark) ?? throw Unknown(source, PolicyClause.Benchmark, PolicyText.Benchmarks),
        DualControlThreshold = DualControlThreshold,
        RebalanceFrequency = RebalanceFrequency is null ? null : PolicyText.Frequency(RebalanceFrequency) ?? throw Unknown(source, PolicyClause.RebalanceFrequency, PolicyText.Frequencies),
        Source = source,
    };

    /// <summary>The full policy this document stores (every clause present; missing ones take the platform default).</summary>
    public InvestmentPolicy ToPolicy() => ToChange("stored policy").ApplyTo(InvestmentPolicy.Default);

    private static DomainException Unknown(string source, string clause, IReadOnlyList<string> allowed) =>
        new(Outcome.InvalidPolicy, $"{source}: {clause}: must be one of {string.Join(", ", allowed.Select(a => "'" + a + "'"))}") { Field = clause };
}
