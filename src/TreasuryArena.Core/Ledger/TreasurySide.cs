namespace TreasuryArena.Core.Ledger;

/// <summary>The side of a treasury fill.</summary>
public enum TreasurySide
{
    Buy,
    Sell,
}
