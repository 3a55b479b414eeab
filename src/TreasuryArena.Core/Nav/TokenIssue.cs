namespace TreasuryArena.Core.Nav;

/// <summary>A newly issued (proving) token and the summary of the backtest stored with it.</summary>
public sealed record TokenIssue(
    string Symbol,
    string Strategy,
    DateOnly Inception,
    decimal InitialNav,
    DateOnly? BacktestFrom,
    DateOnly? BacktestTo,
    decimal? BacktestTotalReturn,
    decimal? BacktestSharpe,
    decimal? BacktestMaxDrawdown);
