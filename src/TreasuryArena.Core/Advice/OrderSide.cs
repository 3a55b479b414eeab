namespace TreasuryArena.Core.Advice;

public enum OrderSide
{
    Buy,
    Sell,
}
