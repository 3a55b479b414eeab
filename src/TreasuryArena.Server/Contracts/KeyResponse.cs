using TreasuryArena.Core.Identity;

namespace TreasuryArena.Server.Contracts;

/// <summary>A key as listed: never the secret, only its prefix.</summary>
public sealed record KeyResponse(Guid Id, string Prefix, Role Role, Guid MemberId, Guid? OrganisationId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static KeyResponse From(ApiKeyRecord k)
    {
        ArgumentNullException.ThrowIfNull(k);
        return new(k.Id, k.Prefix, k.Role, k.MemberId, k.OrganisationId, k.CreatedAt, k.RevokedAt);
    }
}
