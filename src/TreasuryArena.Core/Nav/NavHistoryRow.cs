namespace TreasuryArena.Core.Nav;

/// <summary>
/// One day of a token's performance history, as stored and shown. <see cref="Nav"/> is the NAV per share after
/// fees; <see cref="Drawdown"/> is NAV / high-water mark − 1 (≤ 0); Sharpe and volatility are annualised (365)
/// over the last 90 daily returns, null until 90 returns exist.
/// </summary>
public sealed record NavHistoryRow(
    string Symbol,
    DateOnly Date,
    decimal Nav,
    decimal DailyReturn,
    decimal HighWaterMark,
    decimal Drawdown,
    decimal? Sharpe90,
    decimal? Volatility90,
    decimal GrossNav,
    decimal Supply,
    decimal ManagementFee,
    decimal PerformanceFee);
