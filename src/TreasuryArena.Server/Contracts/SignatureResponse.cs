using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Server.Contracts;

/// <summary>An ESIGN signature record: document (kind, version, SHA-256), typed name, consent and its text, member, key, time.</summary>
public sealed record SignatureResponse(
    Guid Id,
    Guid OrganisationId,
    string Kind,
    string DocumentVersion,
    string DocumentHash,
    string TypedName,
    bool Consent,
    string ConsentText,
    Guid MemberId,
    Guid KeyId,
    DateTimeOffset SignedAt)
{
    public static SignatureResponse From(SignatureRecord s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.OrganisationId, s.Kind.Code(), s.DocumentVersion, s.DocumentHash, s.TypedName, s.Consent, s.ConsentText, s.MemberId, s.KeyId, s.SignedAt);
    }
}
