namespace TreasuryArena.Core.Treasury;

/// <summary>How much the treasury may do alone: FULL_AI executes approved decisions, HYBRID waits for a person, MANUAL never acts alone.</summary>
public enum TreasuryMode
{
    FullAi,
    Hybrid,
    Manual,
}
