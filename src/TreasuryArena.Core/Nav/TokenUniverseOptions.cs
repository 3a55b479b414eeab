using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Quant;

namespace TreasuryArena.Core.Nav;

/// <summary>How the token analytics of an optimizer run are computed (annualised with 365 periods a year).</summary>
/// <param name="LookbackDays">Days of daily NAV returns for the metrics and the covariance (default 90); a token needs the full window to be included.</param>
/// <param name="RiskFree">
/// The risk-free curve of the Sharpe ratios and of max Sharpe (the platform passes the T-bill; null: none). Causal: only
/// rates known on each day of the lookback count.
/// </param>
public sealed record TokenUniverseOptions(int LookbackDays = 90, RiskFreeCurve? RiskFree = null)
{
    /// <summary>
    /// Days of NAV history the expected returns use (default 365): each token's mean over its last
    /// <c>ReturnLookbackDays</c> days, or all it has when younger (at least <see cref="LookbackDays"/>).
    /// </summary>
    public int ReturnLookbackDays { get; init; } = 365;

    /// <summary>
    /// Shrinkage intensity at or above which the expected returns are taken as uninformative and the optimizer falls back
    /// to minimum variance under the same limits (default 0.95).
    /// </summary>
    public double FallbackShrinkage { get; init; } = 0.95;

    /// <summary>
    /// The volatile-crypto reference for each token's volatile share (the platform passes BTC closes): a token's share is
    /// its lookback volatility over this series' volatility on the same days, capped at 1. Null: <see cref="ReferenceVolatility"/>.
    /// </summary>
    public TimeSeries? VolatileReference { get; init; }

    /// <summary>The reference volatility when no series is given or it has fewer than 30 returns in the lookback (default 60% a year).</summary>
    public double ReferenceVolatility { get; init; } = 0.60;
}
