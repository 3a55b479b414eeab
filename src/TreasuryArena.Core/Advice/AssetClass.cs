namespace TreasuryArena.Core.Advice;

/// <summary>Base yield positions (stablecoin lending, fixed yield, LP) versus volatile tactical assets (BTC, ETH).</summary>
public enum AssetClass
{
    Yield,
    Volatile,
}
