using TreasuryArena.Core.Quant;

namespace TreasuryArena.Core.Nav;

/// <summary>How the token analytics of an optimizer run are computed (annualised with 365 periods a year).</summary>
/// <param name="LookbackDays">Days of daily NAV returns (default 90); a token needs the full window to be included.</param>
/// <param name="RiskFree">
/// The risk-free curve of the Sharpe ratios and of max Sharpe (the platform passes the T-bill; null: none). Causal: only
/// rates known on each day of the lookback count.
/// </param>
public sealed record TokenUniverseOptions(int LookbackDays = 90, RiskFreeCurve? RiskFree = null);
