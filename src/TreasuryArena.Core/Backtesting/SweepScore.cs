namespace TreasuryArena.Core.Backtesting;

/// <summary>
/// What a sweep keeps of one run (all from the quant library). <see cref="Sharpe"/> is over the T-bill the frame carries
/// and follows <c>RatioRules</c> (null when undefined; ranked last).
/// </summary>
public sealed record SweepScore(DateOnly From, DateOnly To, double TotalReturn, double Cagr, double? Sharpe, double MaxDrawdown, int Trades);
