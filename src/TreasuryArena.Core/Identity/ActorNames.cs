using System.Text.RegularExpressions;

namespace TreasuryArena.Core.Identity;

/// <summary>
/// Shows stored actors (<c>member-3f2a9c01b7de (treasurer, key …)</c>, <see cref="Caller.Actor"/>) with the members'
/// names for people to read: the audit chain and stored records hold only pseudonyms, and the members table maps each
/// back to its name. Once a member's name is erased the table holds the pseudonym, so the name is shown nowhere.
/// </summary>
public sealed partial class ActorNames(IIdentityStore identity)
{
    /// <summary>A resolver over the members of <paramref name="organisationId"/> (null: every member).</summary>
    public async Task<Func<string?, string?>> ForAsync(Guid? organisationId, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in await identity.ListMembersAsync(organisationId, ct))
        {
            names[m.Pseudonym] = m.Name;
        }

        return text => Resolve(text, names);
    }

    /// <summary><paramref name="text"/> with each known pseudonym replaced by the member's name.</summary>
    public static string? Resolve(string? text, IReadOnlyDictionary<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return text is null ? null : PseudonymPattern().Replace(text, m => names.GetValueOrDefault(m.Value, m.Value));
    }

    [GeneratedRegex("member-[0-9a-f]{12}", RegexOptions.CultureInvariant)]
    private static partial Regex PseudonymPattern();
}
