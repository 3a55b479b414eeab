using System.Security.Cryptography;
using System.Text;

namespace TreasuryArena.Core.Identity;

/// <summary>A person (or program) of an organisation; platform admins have no organisation.</summary>
public sealed record Member(Guid Id, Guid? OrganisationId, string Name, DateTimeOffset CreatedAt)
{
    /// <summary>This member's pseudonymous id (<see cref="PseudonymOf"/>): how the audit chain and stored records name them.</summary>
    public string Pseudonym => PseudonymOf(Id);

    /// <summary>
    /// The pseudonymous id of a member: <c>member-</c> and the first 12 hex digits of the SHA-256 of their id. The audit
    /// chain names members only by it; the members table maps it back to a name until the name is erased.
    /// </summary>
    public static string PseudonymOf(Guid memberId) =>
        "member-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(memberId.ToString("N"))))[..12];
}
