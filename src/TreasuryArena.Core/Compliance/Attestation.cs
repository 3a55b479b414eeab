namespace TreasuryArena.Core.Compliance;

/// <summary>A treasurer's attestation that the organisation has read one disclosure version (by its hash).</summary>
public sealed record Attestation(
    Guid OrganisationId,
    string DocumentVersion,
    string DocumentHash,
    string Signer,
    string AttestedBy,
    DateTimeOffset AttestedAt);
