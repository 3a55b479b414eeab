using TreasuryArena.Core.Identity;

namespace TreasuryArena.Server.Contracts;

/// <summary>A key as listed: never the secret, only its prefix; <c>member</c> is the name of the member it was issued to (the key's name).</summary>
public sealed record KeyResponse(Guid Id, string Prefix, Role Role, Guid MemberId, Guid? OrganisationId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string? Member = null)
{
    public static KeyResponse From(ApiKeyRecord k, string? member = null)
    {
        ArgumentNullException.ThrowIfNull(k);
        return new(k.Id, k.Prefix, k.Role, k.MemberId, k.OrganisationId, k.CreatedAt, k.RevokedAt, member);
    }
}
