namespace TreasuryArena.Core.Compliance;

/// <summary>Which path asked for the trade; every path goes through the same <see cref="IComplianceGate"/>.</summary>
public enum TradeSource
{
    Api,
    Job,
    HoldRelease,
}
