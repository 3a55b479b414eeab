namespace TreasuryArena.Core.Compliance;

/// <summary>Buy (cash into a token) or sell (shares back to cash).</summary>
public enum TradeSide
{
    Buy,
    Sell,
}
