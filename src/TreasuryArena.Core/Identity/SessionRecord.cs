namespace TreasuryArena.Core.Identity;

/// <summary>
/// A stored sign-in session: the SHA-256 (hex) of its id, never the id; the API key it signed in with (whose role,
/// organisation and revocation apply on every request) and that key's member; when it was created, last used (written
/// at most once per <see cref="SessionService.TouchInterval"/>) and expires (absolute); when and why it ended.
/// </summary>
public sealed record SessionRecord(
    string IdHash,
    Guid KeyId,
    Guid MemberId,
    Guid? OrganisationId,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUsedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? EndedAt,
    string? EndReason);
