namespace TreasuryArena.Core.Policy;

/// <summary>How often the IPS expects the treasury to be rebalanced.</summary>
public enum PolicyRebalanceFrequency
{
    Daily,
    Weekly,
    Monthly,
    Quarterly,
}
