using System.Text.Json.Serialization;

namespace TreasuryArena.Core.Evaluation;

/// <summary>
/// One contender's scorecard over the evaluated window. Ratios are annualised with 365 periods a year; Sharpe and
/// Sortino are on daily returns in excess of the 3-month T-bill; <see cref="MaxDrawdown"/> is ≤ 0 (empyrical). A
/// statistic that is undefined on the sample (too few returns, no deviation, no drawdown) is null, never clamped.
/// </summary>
/// <param name="Name">The contender.</param>
/// <param name="From">Its first valued date.</param>
/// <param name="FinalValue">Value on the last date, USD.</param>
/// <param name="TotalReturn">Final over starting value − 1.</param>
/// <param name="Turnover">Traded value (buys plus sells) over the average value, per year.</param>
/// <param name="FeesPaid">Fees paid, USD (trade fees; for tokens also the holder's share of management and performance fees).</param>
/// <param name="AverageCashShare">Average fraction of value held as uninvested cash.</param>
/// <param name="DriftBeforeRebalance">Average drift from target (½Σ|w − w*|) just before the rebalances that traded.</param>
/// <param name="Rebalances">Rebalances that traded.</param>
public sealed record ContenderResult(
    string Name,
    DateOnly From,
    decimal FinalValue,
    double? TotalReturn,
    double? Cagr,
    double? Volatility,
    double? Sharpe,
    double? Sortino,
    double? MaxDrawdown,
    double? Calmar,
    double? Turnover,
    decimal FeesPaid,
    double? AverageCashShare,
    double? DriftBeforeRebalance,
    int Rebalances,
    IReadOnlyList<YearReturn> Years)
{
    /// <summary>The value path (charts); not part of the JSON contract.</summary>
    [JsonIgnore]
    public ValueSeries? Series { get; init; }
}
