namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// One token's statistics over the optimizer's lookback, already converted from the quant library's analytics
/// into decimals (annualised with 365 periods a year; <see cref="MaxDrawdown"/> is a positive fraction, 0.25 = 25%).
/// </summary>
/// <param name="Symbol">The token.</param>
/// <param name="Nav">The latest NAV per share (the quote orders are sized at).</param>
/// <param name="Buyable">False when the token may not be bought (proving, paused or retired): it can only be sold.</param>
/// <param name="MeanReturnAnnualised">Mean daily return over the (90-day) lookback × 365 (arithmetic, annualised; shown, and the basis of the Sharpe filter).</param>
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
    int Observations)
{
    private readonly decimal? _expectedReturn;

    /// <summary>
    /// The expected annual return the optimizer solves with and values rebalances at (the universe's robust estimate,
    /// e.g. the up-to-365-day mean shrunk toward the cross-sectional mean); defaults to <see cref="MeanReturnAnnualised"/>.
    /// </summary>
    public decimal ExpectedReturn
    {
        get => _expectedReturn ?? MeanReturnAnnualised;
        init => _expectedReturn = value;
    }

    /// <summary>
    /// The estimated share of the token's value exposed to volatile crypto, 0..1: its volatility over the lookback divided by
    /// BTC's over the same days, capped at 1 (a token half in BTC and half in a yield asset has about half BTC's volatility).
    /// Unknown: 1, counted as wholly volatile.
    /// </summary>
    public decimal VolatileShare { get; init; } = 1m;

    /// <summary>The annualised return the expected return rests on before shrinkage (the up-to-365-day sample mean).</summary>
    public decimal? SampleMeanReturn { get; init; }

    /// <summary>Daily returns the expected return rests on (up to the expected-returns lookback).</summary>
    public int? ReturnObservations { get; init; }
}
