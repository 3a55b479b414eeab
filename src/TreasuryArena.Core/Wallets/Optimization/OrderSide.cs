namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>The direction of a rebalancing order.</summary>
public enum OrderSide
{
    Sell,
    Buy,
}
