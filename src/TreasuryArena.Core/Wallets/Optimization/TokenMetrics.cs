namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// One token's statistics over the optimizer's lookback, already converted from the quant library's analytics
/// into decimals (annualised with 365 periods a year; <see cref="MaxDrawdown"/> is a positive fraction, 0.25 = 25%).
/// </summary>
/// <param name="Symbol">The token.</param>
/// <param name="Nav">The latest NAV per share (the quote orders are sized at).</param>
/// <param name="Buyable">False when the token may not be bought (proving, paused or retired): it can only be sold.</param>
/// <param name="MeanReturnAnnualised">Mean daily return over the lookback × 365 (arithmetic, annualised; the optimizer's expected return).</param>
/// <param name="Volatility">Annual volatility.</param>
/// <param name="Sharpe">
/// Annual Sharpe ratio of returns over the risk-free rate (the T-bill); null when undefined under <c>Quant.RatioRules</c>
/// (fewer than 90 returns, or volatility of excess returns below 0.5% a year): such a token passes no filter.
/// </param>
/// <param name="MaxDrawdown">Max drawdown over the lookback, as a positive fraction.</param>
/// <param name="Observations">Daily returns the figures rest on.</param>
public sealed record TokenMetrics(
    string Symbol,
    decimal Nav,
    bool Buyable,
    decimal MeanReturnAnnualised,
    decimal Volatility,
    decimal? Sharpe,
    decimal MaxDrawdown,
    int Observations);
