using TreasuryArena.Core.Policy;

namespace TreasuryArena.Server.Contracts;

/// <summary>An organisation's IPS in force: its version (0: the platform default), author and time, and every clause.</summary>
public sealed record PolicyResponse(Guid OrganisationId, int Version, bool IsDefault, string Author, DateTimeOffset CreatedAt, PolicyDocument Policy)
{
    public static PolicyResponse From(PolicyVersion v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.OrganisationId, v.Version, v.IsDefault, v.Author, v.CreatedAt, PolicyDocument.From(v.Policy));
    }
}
