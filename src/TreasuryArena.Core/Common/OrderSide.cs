namespace TreasuryArena.Core.Common;

/// <summary>
/// The one side of every order, trade and fill: a wallet's buy or sell of token shares, a compliance hold's trade, an
/// advisor's order, a rebalancing order and a treasury fill. Written as <c>buy</c> / <c>sell</c> in JSON and audit records.
/// The numbers are those already stored in wallet allocation snapshots and proposals (orders serialised as numbers):
/// do not reorder.
/// </summary>
public enum OrderSide
{
    Sell = 0,
    Buy = 1,
}
