namespace TreasuryArena.Core.Policy;

/// <summary>The clause names of an IPS: the same spelling in YAML, JSON, messages, problems and audit records.</summary>
public static class PolicyClause
{
    public const string MaxVolatileShare = "max_volatile_share";
    public const string MaxTokenWeight = "max_token_weight";
    public const string AllowedStrategies = "allowed_strategies";
    public const string ExcludedStrategies = "excluded_strategies";
    public const string MinTokens = "min_tokens";
    public const string LiquidityReserveMonths = "liquidity_reserve_months";
    public const string MonthlyExpenses = "monthly_expenses";
    public const string MaxDrawdownTolerance = "max_drawdown_tolerance";
    public const string Benchmark = "benchmark";
    public const string DualControlThreshold = "dual_control_threshold";
    public const string RebalanceFrequency = "rebalance_frequency";

    /// <summary>Every clause, in the order files and pages list them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        MaxVolatileShare, MaxTokenWeight, AllowedStrategies, ExcludedStrategies, MinTokens, LiquidityReserveMonths, MonthlyExpenses,
        MaxDrawdownTolerance, Benchmark, DualControlThreshold, RebalanceFrequency,
    ];
}
