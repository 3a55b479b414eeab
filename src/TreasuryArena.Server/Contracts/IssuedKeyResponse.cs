using TreasuryArena.Core.Identity;

namespace TreasuryArena.Server.Contracts;

/// <summary>A new key. <see cref="Key"/> is shown this once and never again.</summary>
public sealed record IssuedKeyResponse(Guid Id, string Key, string Member, Role Role, Guid? OrganisationId, string Prefix, DateTimeOffset CreatedAt)
{
    public static IssuedKeyResponse From(IssuedApiKey k)
    {
        ArgumentNullException.ThrowIfNull(k);
        return new(k.Record.Id, k.Key, k.MemberName, k.Record.Role, k.Record.OrganisationId, k.Record.Prefix, k.Record.CreatedAt);
    }
}
