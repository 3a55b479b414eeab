namespace TreasuryArena.Core.Quant;

/// <summary>
/// Parameters of <see cref="PerformanceMetrics.Compute(ReadOnlySpan{double}, IReadOnlyList{DateOnly}?, MetricsOptions?, ReadOnlySpan{double})"/>.
/// Rates are annual and converted to per-period rates by compounding: (1 + R)^(1 / PeriodsPerYear) - 1.
/// </summary>
public sealed record MetricsOptions
{
    public static readonly MetricsOptions Default = new();

    /// <summary>252 for markets that close, 365 for crypto, 52 weekly, 12 monthly.</summary>
    public double PeriodsPerYear { get; init; } = 252;

    /// <summary>Annual risk-free rate used by Sharpe and alpha when <see cref="RiskFree"/> is not set (default 0, as in empyrical).</summary>
    public double RiskFreeRate { get; init; }

    /// <summary>
    /// A dated risk-free curve (the T-bill, <see cref="RiskFreeCurve.TBill3m(MarketData.TimeSeries)"/>): each return's rate is the one known
    /// at the start of its period. Needs dates; replaces <see cref="RiskFreeRate"/>.
    /// </summary>
    public RiskFreeCurve? RiskFree { get; init; }

    /// <summary>Annual minimum acceptable return for Sortino's downside deviation; null (default): the risk-free rate.</summary>
    public double? SortinoTarget { get; init; }

    /// <summary>Fewest returns for Sharpe, Sortino, Calmar and the information ratio to be defined (see <see cref="RatioRules"/>).</summary>
    public int MinObservations { get; init; } = RatioRules.MinObservations;

    /// <summary>Tail probability of historical VaR/CVaR (default 0.05, i.e. the 5th percentile).</summary>
    public double VarLevel { get; init; } = 0.05;
}
