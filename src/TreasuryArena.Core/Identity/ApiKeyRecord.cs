namespace TreasuryArena.Core.Identity;

/// <summary>A stored API key: only its SHA-256 hash and a short display prefix are kept, never the key.</summary>
public sealed record ApiKeyRecord(
    Guid Id,
    Guid MemberId,
    Guid? OrganisationId,
    Role Role,
    string Prefix,
    string Hash,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}
