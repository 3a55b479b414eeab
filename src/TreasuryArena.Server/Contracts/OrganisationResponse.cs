using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Server.Contracts;

/// <summary>An organisation with its latest verification evidence and attestation.</summary>
public sealed record OrganisationResponse(
    Guid Id,
    string Name,
    OrganisationType Type,
    Plan Plan,
    OrganisationStatus Status,
    DateTimeOffset CreatedAt,
    VerificationResponse? Verification,
    AttestationResponse? Attestation,
    bool CanTrade)
{
    public static OrganisationResponse From(Organisation org, VerificationEvidence? evidence, Attestation? attestation, RiskDisclosure? current)
    {
        ArgumentNullException.ThrowIfNull(org);
        var canTrade = org.Status == OrganisationStatus.Verified && current is not null && attestation is not null
            && string.Equals(attestation.DocumentVersion, current.Version, StringComparison.Ordinal);
        return new(
            org.Id,
            org.Name,
            org.Type,
            org.Plan,
            org.Status,
            org.CreatedAt,
            evidence is null ? null : VerificationResponse.From(evidence),
            attestation is null ? null : AttestationResponse.From(attestation),
            canTrade);
    }
}
