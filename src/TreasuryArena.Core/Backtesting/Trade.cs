namespace TreasuryArena.Core.Backtesting;

/// <summary>One fill: positive units buy, negative sell; price includes slippage; fee and slippage cost in USD.</summary>
public sealed record Trade(DateOnly Date, string Asset, double Units, double Price, double Notional, double Fee, double SlippageCost);
