namespace TreasuryArena.Core.Quant;

/// <summary>
/// Every metric of one return series, computed by <see cref="PerformanceMetrics"/>. Ratios that are undefined
/// (zero volatility, zero drawdown) are <see cref="double.NaN"/>; benchmark-relative metrics are null without a benchmark.
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

    public required double Sharpe { get; init; }

    public required double DownsideRisk { get; init; }

    public required double Sortino { get; init; }

    public required Drawdown MaxDrawdown { get; init; }

    public required double Calmar { get; init; }

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

    public required double RiskFreeRate { get; init; }
}
