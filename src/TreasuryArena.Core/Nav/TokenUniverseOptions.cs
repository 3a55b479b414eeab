namespace TreasuryArena.Core.Nav;

/// <summary>How the token analytics of an optimizer run are computed (annualised with 365 periods a year).</summary>
/// <param name="LookbackDays">Days of daily NAV returns (default 90); a token needs the full window to be included.</param>
/// <param name="RiskFreeRate">Annual risk-free rate for Sharpe ratios and max Sharpe (default 0: wallet cash earns nothing).</param>
public sealed record TokenUniverseOptions(int LookbackDays = 90, decimal RiskFreeRate = 0m);
