namespace TreasuryArena.Core.Quant;

/// <summary>
/// Every metric of one return series, computed by <see cref="PerformanceMetrics"/>. Sharpe, Sortino, Calmar and the
/// information ratio follow <see cref="RatioRules"/>: null when undefined (too few returns, a denominator below the floor),
/// with the reason in <see cref="UndefinedRatios"/>; benchmark-relative metrics are null without a benchmark.
/// </summary>
public sealed record PerformanceReport
{
    public required int Periods { get; init; }

    public required double PeriodsPerYear { get; init; }

    public DateOnly? Start { get; init; }

    public DateOnly? End { get; init; }

    /// <summary>∏(1 + r) - 1.</summary>
    public required double TotalReturn { get; init; }

    /// <summary>(∏(1 + r))^(periodsPerYear / n) - 1.</summary>
    public required double Cagr { get; init; }

    /// <summary>Mean period return (arithmetic).</summary>
    public required double MeanReturn { get; init; }

    /// <summary>std(r, ddof 1) × √periodsPerYear.</summary>
    public required double AnnualVolatility { get; init; }

    /// <summary>Annualised Sharpe of returns in excess of the risk-free rate; null when undefined.</summary>
    public required double? Sharpe { get; init; }

    public required double DownsideRisk { get; init; }

    /// <summary>Sortino against the risk-free rate (or the configured target); null when undefined.</summary>
    public required double? Sortino { get; init; }

    public required Drawdown MaxDrawdown { get; init; }

    /// <summary>CAGR / |max drawdown|; null when undefined.</summary>
    public required double? Calmar { get; init; }

    public required double VarLevel { get; init; }

    /// <summary>Historical VaR: the VarLevel-quantile of period returns (linear interpolation), a return (usually negative).</summary>
    public required double ValueAtRisk { get; init; }

    /// <summary>Mean of the period returns at or below <see cref="ValueAtRisk"/>.</summary>
    public required double ConditionalValueAtRisk { get; init; }

    /// <summary>Fraction of periods with a return above zero.</summary>
    public required double HitRate { get; init; }

    public required double BestPeriod { get; init; }

    public required double WorstPeriod { get; init; }

    public DateOnly? BestDate { get; init; }

    public DateOnly? WorstDate { get; init; }

    public double? Beta { get; init; }

    public double? Alpha { get; init; }

    /// <summary>Annualised active return over tracking error against the benchmark; null without one or when undefined.</summary>
    public double? InformationRatio { get; init; }

    /// <summary>Which risk-free rate the excess returns use: <c>tbill-3m</c>, <c>fixed</c> or <c>none</c>.</summary>
    public required string RiskFree { get; init; }

    /// <summary>The risk-free rate used, annualised: the average over the returns' periods for a curve.</summary>
    public required double RiskFreeRate { get; init; }

    /// <summary>Ratio name (sharpe, sortino, calmar, information_ratio) → why it is undefined; empty when all are defined.</summary>
    public IReadOnlyDictionary<string, string> UndefinedRatios { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
