namespace TreasuryArena.Core.Identity;

/// <summary>An organisation's subscription plan.</summary>
public enum Plan
{
    Free,
    Basic,
    Premium,
}
