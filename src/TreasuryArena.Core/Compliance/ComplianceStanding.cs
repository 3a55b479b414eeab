using TreasuryArena.Core.Identity;

namespace TreasuryArena.Core.Compliance;

/// <summary>
/// What the trade rules read from the compliance store for one organisation: its status, the current risk-disclosure
/// version, the version its treasurer last attested to, and the platform halt flag. The store may serve it from a
/// cache that its own writes invalidate (see the store's documentation for changes made by other processes).
/// </summary>
public sealed record ComplianceStanding(
    OrganisationStatus? OrganisationStatus,
    string? CurrentDisclosureVersion,
    string? AttestedVersion,
    bool PlatformHalted);
