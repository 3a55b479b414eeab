namespace TreasuryArena.Core.Compliance;

/// <summary>What an admin checked before verifying an organisation: entity type, registration or EIN, who, when.</summary>
public sealed record VerificationEvidence(
    Guid OrganisationId,
    string EntityType,
    string Registration,
    string Reviewer,
    DateTimeOffset VerifiedAt);
