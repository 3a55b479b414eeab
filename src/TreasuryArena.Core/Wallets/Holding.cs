using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Wallets;

/// <summary>
/// A wallet's position in one token. Cost basis is the cash paid for the shares still held, fees included (average
/// cost: a sale removes <c>cost × sold / held</c>, rounded to the cent, all of it when the position closes). Realised
/// P&amp;L is the net cash received from sales minus the cost basis they removed.
/// </summary>
public sealed record Holding(string Address, string Symbol, Shares Shares, Money CostBasis, Money RealisedPnl)
{
    /// <summary>Average cost per share (zero for an empty position).</summary>
    public UnitPrice AverageCost => Shares.IsZero ? UnitPrice.Of(0m) : UnitPrice.Of(RoundingPolicy.PriceUp(CostBasis.Amount / Shares.Value));

    /// <summary>Market value at <paramref name="nav"/>, rounded down to the cent.</summary>
    public Money MarketValue(UnitPrice nav) => Money.Of(RoundingPolicy.ValueDown(Shares.Value * nav.Value, CostBasis.Currency), CostBasis.Currency);

    /// <summary>Market value at <paramref name="nav"/> minus cost basis.</summary>
    public Money UnrealisedPnl(UnitPrice nav) => MarketValue(nav) - CostBasis;
}
