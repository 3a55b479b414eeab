namespace TreasuryArena.Core.Nav;

/// <summary>
/// What backs a token: the library strategy and its parameters, run from <see cref="Inception"/> (the first NAV date,
/// NAV = the initial NAV) with paper fills by the backtest engine. <see cref="BreakerReference"/> is the date from
/// which the drawdown breaker measures the peak (inception, or the day an admin last resumed the token).
/// </summary>
public sealed record TokenBacking(
    string Symbol,
    string Strategy,
    IReadOnlyDictionary<string, string> Parameters,
    DateOnly Inception,
    DateOnly BreakerReference);
