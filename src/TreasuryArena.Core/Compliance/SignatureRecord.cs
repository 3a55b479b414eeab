namespace TreasuryArena.Core.Compliance;

/// <summary>
/// An electronic signature as the US ESIGN Act expects: who (member and API key, and the full name they typed), what
/// (the document kind, version and the SHA-256 of its exact text), that they consented explicitly to sign
/// electronically (with the consent text shown to them), and when. <see cref="TypedName"/> is personal data kept
/// outside the audit chain's hashed text; erasing the member overwrites it with their pseudonym.
/// </summary>
public sealed record SignatureRecord(
    Guid Id,
    Guid OrganisationId,
    ComplianceDocumentKind Kind,
    string DocumentVersion,
    string DocumentHash,
    string TypedName,
    bool Consent,
    string ConsentText,
    Guid MemberId,
    Guid KeyId,
    DateTimeOffset SignedAt);
