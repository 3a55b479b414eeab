using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Server.Contracts;

/// <summary>A treasurer's attestation to one risk-disclosure version (by its SHA-256).</summary>
public sealed record AttestationResponse(Guid OrganisationId, string DocumentVersion, string DocumentHash, string Signer, string AttestedBy, DateTimeOffset AttestedAt)
{
    public static AttestationResponse From(Attestation a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.OrganisationId, a.DocumentVersion, a.DocumentHash, a.Signer, a.AttestedBy, a.AttestedAt);
    }
}
