namespace TreasuryArena.Core.Compliance;

/// <summary>A held trade waits (<see cref="Held"/>) until an admin releases (executes) or rejects it.</summary>
public enum HoldStatus
{
    Held,
    Released,
    Rejected,
}
