using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Treasury;

/// <summary>One paper fill: quantity at the mark, the notional, and the fee and slippage paid (USD).</summary>
public sealed record Fill(DateOnly Date, string Asset, string Venue, OrderSide Side, decimal Quantity, decimal MarkPrice, decimal Notional, decimal Fee, decimal Slippage)
{
    /// <summary>Cash moved: negative for a buy (notional + costs paid), positive for a sell (notional − costs).</summary>
    public decimal CashDelta => Side == OrderSide.Buy ? -(Notional + Fee + Slippage) : Notional - Fee - Slippage;
}
