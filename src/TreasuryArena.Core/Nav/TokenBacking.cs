namespace TreasuryArena.Core.Nav;

/// <summary>
/// What backs a token: the library strategy and its parameters, run from <see cref="Inception"/> (the first NAV date,
/// NAV = the initial NAV) with paper fills by the backtest engine. <see cref="BreakerReference"/> is the date from
/// which the drawdown breaker measures the peak: the day the token went live (promotion to active), or the day it was
/// last resumed (by an admin or the automatic review); inception while it is still proving. <see cref="Breaker"/> is
/// its stored breaker limit and where it came from (null for a token issued before limits were stored, until the NAV
/// engine derives it from the stored backtest).
/// </summary>
public sealed record TokenBacking(
    string Symbol,
    string Strategy,
    IReadOnlyDictionary<string, string> Parameters,
    DateOnly Inception,
    DateOnly BreakerReference,
    BreakerLimit? Breaker = null);
