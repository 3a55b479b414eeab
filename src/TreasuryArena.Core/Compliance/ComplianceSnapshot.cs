using TreasuryArena.Core.Identity;

namespace TreasuryArena.Core.Compliance;

/// <summary>Everything the trade rules read: the organisation's <see cref="ComplianceStanding"/> and the wallet's trades today.</summary>
public sealed record ComplianceSnapshot(
    OrganisationStatus? OrganisationStatus,
    string? CurrentDisclosureVersion,
    string? AttestedVersion,
    bool PlatformHalted,
    int TradesToday);
