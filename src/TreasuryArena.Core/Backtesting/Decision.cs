namespace TreasuryArena.Core.Backtesting;

/// <summary>A rebalancing decision taken at the close of <paramref name="Date"/> (filled on the next bar).</summary>
public sealed record Decision(DateOnly Date, double[] Target, string Trigger);
