namespace TreasuryArena.Core.Policy;

/// <summary>
/// A proposed change to an IPS: the clauses it sets (null: keep the current value). A partial file sets some clauses
/// only. <see cref="Source"/> and <see cref="Lines"/> locate each clause in the file it came from, for line-level errors.
/// </summary>
public sealed record PolicyChange
{
    public decimal? MaxVolatileShare { get; init; }

    public decimal? MaxTokenWeight { get; init; }

    public IReadOnlyList<string>? AllowedStrategies { get; init; }

    public IReadOnlyList<string>? ExcludedStrategies { get; init; }

    public int? MinTokens { get; init; }

    public decimal? LiquidityReserveMonths { get; init; }

    public decimal? MonthlyExpenses { get; init; }

    public decimal? MaxDrawdownTolerance { get; init; }

    public PolicyBenchmark? Benchmark { get; init; }

    public decimal? DualControlThreshold { get; init; }

    public PolicyRebalanceFrequency? RebalanceFrequency { get; init; }

    /// <summary>Where the change came from (a file name, <c>request</c>), prefixing error messages.</summary>
    public string Source { get; init; } = "request";

    /// <summary>The line of each clause in <see cref="Source"/>, when it is a file.</summary>
    public IReadOnlyDictionary<string, int> Lines { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>The clauses this change sets, in <see cref="PolicyClause.All"/> order.</summary>
    public IReadOnlyList<string> Clauses => PolicyClause.All.Where(c => c switch
    {
        PolicyClause.MaxVolatileShare => MaxVolatileShare is not null,
        PolicyClause.MaxTokenWeight => MaxTokenWeight is not null,
        PolicyClause.AllowedStrategies => AllowedStrategies is not null,
        PolicyClause.ExcludedStrategies => ExcludedStrategies is not null,
        PolicyClause.MinTokens => MinTokens is not null,
        PolicyClause.LiquidityReserveMonths => LiquidityReserveMonths is not null,
        PolicyClause.MonthlyExpenses => MonthlyExpenses is not null,
        PolicyClause.MaxDrawdownTolerance => MaxDrawdownTolerance is not null,
        PolicyClause.Benchmark => Benchmark is not null,
        PolicyClause.DualControlThreshold => DualControlThreshold is not null,
        _ => RebalanceFrequency is not null,
    }).ToList();

    /// <summary>The policy <paramref name="current"/> becomes with this change's clauses set.</summary>
    public InvestmentPolicy ApplyTo(InvestmentPolicy current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current with
        {
            MaxVolatileShare = MaxVolatileShare ?? current.MaxVolatileShare,
            MaxTokenWeight = MaxTokenWeight ?? current.MaxTokenWeight,
            AllowedStrategies = AllowedStrategies ?? current.AllowedStrategies,
            ExcludedStrategies = ExcludedStrategies ?? current.ExcludedStrategies,
            MinTokens = MinTokens ?? current.MinTokens,
            LiquidityReserveMonths = LiquidityReserveMonths ?? current.LiquidityReserveMonths,
            MonthlyExpenses = MonthlyExpenses ?? current.MonthlyExpenses,
            MaxDrawdownTolerance = MaxDrawdownTolerance ?? current.MaxDrawdownTolerance,
            Benchmark = Benchmark ?? current.Benchmark,
            DualControlThreshold = DualControlThreshold ?? current.DualControlThreshold,
            RebalanceFrequency = RebalanceFrequency ?? current.RebalanceFrequency,
        };
    }
}
