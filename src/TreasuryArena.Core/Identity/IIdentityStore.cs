namespace TreasuryArena.Core.Identity;

/// <summary>Port: organisations, members and API keys.</summary>
public interface IIdentityStore
{
    Task<bool> TryAddOrganisationAsync(Organisation organisation, CancellationToken ct);

    Task<Organisation?> FindOrganisationAsync(Guid id, CancellationToken ct);

    Task<Organisation?> FindOrganisationByNameAsync(string name, CancellationToken ct);

    Task<IReadOnlyList<Organisation>> ListOrganisationsAsync(CancellationToken ct);

    Task UpdateOrganisationAsync(Organisation organisation, CancellationToken ct);

    Task<Member> GetOrAddMemberAsync(Guid? organisationId, string name, DateTimeOffset now, CancellationToken ct);

    Task AddKeyAsync(ApiKeyRecord key, CancellationToken ct);

    Task<(ApiKeyRecord Key, Member Member)?> FindKeyByHashAsync(string hash, CancellationToken ct);

    Task<ApiKeyRecord?> FindKeyAsync(Guid id, CancellationToken ct);

    Task<Member?> FindMemberAsync(Guid id, CancellationToken ct);

    /// <summary>The members of an organisation (null: every member, admins included), oldest first.</summary>
    Task<IReadOnlyList<Member>> ListMembersAsync(Guid? organisationId, CancellationToken ct);

    Task<IReadOnlyList<ApiKeyRecord>> ListKeysAsync(Guid? organisationId, CancellationToken ct);

    /// <summary>Revokes a key and ends its sessions (<see cref="ISessionStore"/>) at once; false when it was already revoked.</summary>
    Task<bool> RevokeKeyAsync(Guid id, DateTimeOffset at, CancellationToken ct);

    Task<bool> AnyAdminKeyAsync(CancellationToken ct);
}
