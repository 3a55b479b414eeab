namespace TreasuryArena.Core.Backtesting;

/// <summary>What a sweep keeps of one run (all from the quant library).</summary>
public sealed record SweepScore(DateOnly From, DateOnly To, double TotalReturn, double Cagr, double Sharpe, double MaxDrawdown, int Trades);
