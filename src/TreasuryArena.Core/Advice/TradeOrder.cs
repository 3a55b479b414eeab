using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Advice;

/// <summary>
/// One order of a rebalancing plan. <see cref="Notional"/> is the USD market value that changes hands (at the mark);
/// <see cref="EstimatedFee"/> and <see cref="EstimatedSlippage"/> are paid on top (buys) or deducted (sells), in USD.
/// </summary>
public sealed record TradeOrder
{
    public TradeOrder(string asset, string venue, AssetClass assetClass, OrderSide side, decimal notional, decimal estimatedFee, decimal estimatedSlippage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(asset);
        ArgumentException.ThrowIfNullOrWhiteSpace(venue);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(notional);
        ArgumentOutOfRangeException.ThrowIfNegative(estimatedFee);
        ArgumentOutOfRangeException.ThrowIfNegative(estimatedSlippage);
        Asset = asset;
        Venue = venue;
        AssetClass = assetClass;
        Side = side;
        Notional = notional;
        EstimatedFee = estimatedFee;
        EstimatedSlippage = estimatedSlippage;
    }

    public string Asset { get; }

    public string Venue { get; }

    public AssetClass AssetClass { get; }

    public OrderSide Side { get; }

    public decimal Notional { get; }

    public decimal EstimatedFee { get; }

    public decimal EstimatedSlippage { get; }

    /// <summary>Fee plus slippage as a fraction of notional.</summary>
    public decimal CostRate => (EstimatedFee + EstimatedSlippage) / Notional;

    public decimal EstimatedCost => EstimatedFee + EstimatedSlippage;

    /// <summary>The same order for a different notional, with fees and slippage scaled proportionally and rounded up to
    /// cents (a smaller order never costs more than the original: the original's costs are whole cents).</summary>
    public TradeOrder WithNotional(decimal notional) =>
        new(Asset, Venue, AssetClass, Side, notional, Cents(EstimatedFee * notional / Notional), Cents(EstimatedSlippage * notional / Notional));

    private static decimal Cents(decimal amount) => RoundingPolicy.CentsUp(amount);
}
