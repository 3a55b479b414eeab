using System.Globalization;

namespace TreasuryArena.Core.Policy;

/// <summary>
/// An organisation's Investment Policy Statement as data (issue 21). Shares and weights are fractions of the
/// organisation's holdings (cash of all its wallets plus every token holding at its NAV); a token holding is volatile,
/// cash is not. An empty <see cref="AllowedStrategies"/> allows every strategy; at most one of the allowed and excluded
/// lists may be non-empty. <see cref="DualControlThreshold"/> of 0 means no trade needs a second approval.
/// </summary>
public sealed record InvestmentPolicy
{
    /// <summary>
    /// The platform default, in force until an organisation sets its own: no cap on the volatile share or one token's
    /// weight, every strategy allowed, no liquidity reserve, no second approval; benchmark 60/40 BTC/T-bill, monthly
    /// rebalancing, a 50% drawdown tolerance, one token at least. It refuses nothing an organisation could do before IPSs existed.
    /// </summary>
    public static readonly InvestmentPolicy Default = new()
    {
        MaxVolatileShare = 1m,
        MaxTokenWeight = 1m,
        AllowedStrategies = [],
        ExcludedStrategies = [],
        MinTokens = 1,
        LiquidityReserveMonths = 0m,
        MonthlyExpenses = 0m,
        MaxDrawdownTolerance = 0.5m,
        Benchmark = PolicyBenchmark.Btc60TBill40,
        DualControlThreshold = 0m,
        RebalanceFrequency = PolicyRebalanceFrequency.Monthly,
    };

    /// <summary>The largest fraction of the holdings that may be in tokens (0–1).</summary>
    public required decimal MaxVolatileShare { get; init; }

    /// <summary>The largest fraction of the holdings that one token may be (0–1).</summary>
    public required decimal MaxTokenWeight { get; init; }

    /// <summary>The strategy ids a token may be backed by (empty: any).</summary>
    public required IReadOnlyList<string> AllowedStrategies { get; init; }

    /// <summary>The strategy ids a token may not be backed by.</summary>
    public required IReadOnlyList<string> ExcludedStrategies { get; init; }

    /// <summary>The fewest distinct tokens a diversified treasury holds (reported as a breach, never a trade refusal).</summary>
    public required int MinTokens { get; init; }

    /// <summary>How many months of <see cref="MonthlyExpenses"/> stay in cash (0–60).</summary>
    public required decimal LiquidityReserveMonths { get; init; }

    /// <summary>The organisation's monthly expenses in USD (the unit of the liquidity reserve).</summary>
    public required decimal MonthlyExpenses { get; init; }

    /// <summary>The largest fall from peak the board tolerates (0–1); recorded for reports, not checked on trades.</summary>
    public required decimal MaxDrawdownTolerance { get; init; }

    public required PolicyBenchmark Benchmark { get; init; }

    /// <summary>Trades above this USD amount need two approvals (0: none do). Read by the two-person approval.</summary>
    public required decimal DualControlThreshold { get; init; }

    public required PolicyRebalanceFrequency RebalanceFrequency { get; init; }

    /// <summary>The cash the policy keeps in reserve: months × monthly expenses.</summary>
    public decimal LiquidityReserveUsd => LiquidityReserveMonths * MonthlyExpenses;

    /// <summary>Whether a token backed by <paramref name="strategyId"/> may be bought.</summary>
    public bool AllowsStrategy(string strategyId) =>
        (AllowedStrategies.Count == 0 || AllowedStrategies.Contains(strategyId, StringComparer.OrdinalIgnoreCase))
        && !ExcludedStrategies.Contains(strategyId, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every clause that is out of range or contradicts another (empty: valid). <paramref name="lines"/> gives clause lines of a file.</summary>
    public IReadOnlyList<PolicyProblem> Problems(IReadOnlyDictionary<string, int>? lines = null)
    {
        var problems = new List<PolicyProblem>();
        void Add(string clause, string message) => problems.Add(new PolicyProblem(clause, message, lines is not null && lines.TryGetValue(clause, out var l) ? l : null));
        void Fraction(string clause, decimal value)
        {
            if (value is < 0m or > 1m)
            {
                Add(clause, string.Create(CultureInfo.InvariantCulture, $"must be a fraction between 0 and 1 (0.2 is 20%), not {value}"));
            }
        }

        Fraction(PolicyClause.MaxVolatileShare, MaxVolatileShare);
        Fraction(PolicyClause.MaxTokenWeight, MaxTokenWeight);
        Fraction(PolicyClause.MaxDrawdownTolerance, MaxDrawdownTolerance);
        if (MinTokens is < 0 or > 100)
        {
            Add(PolicyClause.MinTokens, string.Create(CultureInfo.InvariantCulture, $"must be a whole number between 0 and 100, not {MinTokens}"));
        }

        if (LiquidityReserveMonths is < 0m or > 60m)
        {
            Add(PolicyClause.LiquidityReserveMonths, string.Create(CultureInfo.InvariantCulture, $"must be between 0 and 60 months, not {LiquidityReserveMonths}"));
        }

        if (MonthlyExpenses is < 0m or > 1_000_000_000m)
        {
            Add(PolicyClause.MonthlyExpenses, string.Create(CultureInfo.InvariantCulture, $"must be a USD amount between 0 and 1,000,000,000, not {MonthlyExpenses}"));
        }

        if (LiquidityReserveMonths > 0m && MonthlyExpenses == 0m)
        {
            Add(PolicyClause.LiquidityReserveMonths, "needs monthly_expenses (the reserve is months of expenses)");
        }

        if (DualControlThreshold is < 0m or > 1_000_000_000m)
        {
            Add(PolicyClause.DualControlThreshold, string.Create(CultureInfo.InvariantCulture, $"must be a USD amount between 0 (off) and 1,000,000,000, not {DualControlThreshold}"));
        }

        if (AllowedStrategies.Count > 0 && ExcludedStrategies.Count > 0)
        {
            Add(PolicyClause.ExcludedStrategies, "set allowed_strategies or excluded_strategies, not both");
        }

        foreach (var (clause, list) in new[] { (PolicyClause.AllowedStrategies, AllowedStrategies), (PolicyClause.ExcludedStrategies, ExcludedStrategies) })
        {
            if (list.Count > 100 || list.Any(s => string.IsNullOrWhiteSpace(s) || s.Length > 64 || !s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            {
                Add(clause, "must list at most 100 strategy ids (letters, digits, '-', '_', '.'; up to 64 characters)");
            }
        }

        return problems;
    }
}
