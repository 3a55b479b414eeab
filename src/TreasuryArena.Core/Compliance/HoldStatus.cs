namespace TreasuryArena.Core.Compliance;

/// <summary>
/// A held trade (or held rebalance plan) waits (<see cref="Held"/>) until an admin releases (executes) or rejects it.
/// One not decided within <see cref="MonitoringRules.HoldLifetime"/> is <see cref="Expired"/>; a held plan replaced by
/// a newer plan for the same wallet is <see cref="Superseded"/>. Neither executes anything.
/// </summary>
public enum HoldStatus
{
    Held,
    Released,
    Rejected,
    Expired,
    Superseded,
}
