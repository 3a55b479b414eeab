namespace TreasuryArena.Core.Wallets;

/// <summary>A wallet owner's stated risk tolerance.</summary>
public enum RiskTolerance
{
    Conservative,
    Moderate,
    Aggressive,
}
