using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Advice;

/// <summary>A fill of a journaled decision's orders: the bar it filled at (the day after the decision), the price and costs.</summary>
public sealed record JournalFill(DateOnly Date, string Asset, OrderSide Side, decimal Quantity, decimal Price, decimal Notional, decimal Fee, decimal Slippage);
