namespace TreasuryArena.Core.Nav;

/// <summary>A newly issued (proving) token, the summary of the backtest stored with it and the breaker limit derived from it.</summary>
public sealed record TokenIssue(
    string Symbol,
    string Strategy,
    DateOnly Inception,
    decimal InitialNav,
    DateOnly? BacktestFrom,
    DateOnly? BacktestTo,
    decimal? BacktestTotalReturn,
    decimal? BacktestSharpe,
    decimal? BacktestMaxDrawdown,
    BreakerLimit? Breaker = null);
