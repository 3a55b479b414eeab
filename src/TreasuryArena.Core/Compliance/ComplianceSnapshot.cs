using TreasuryArena.Core.Identity;

namespace TreasuryArena.Core.Compliance;

/// <summary>Everything the trade rules read, loaded in one go by the store.</summary>
public sealed record ComplianceSnapshot(
    OrganisationStatus? OrganisationStatus,
    string? CurrentDisclosureVersion,
    string? AttestedVersion,
    bool PlatformHalted,
    int TradesToday);
