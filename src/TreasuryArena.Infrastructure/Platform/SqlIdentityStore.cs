using Dapper;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Infrastructure.Platform;

/// <summary>Organisations, members and API keys in the platform database.</summary>
public sealed class SqlIdentityStore(PlatformDatabase database) : IIdentityStore
{
    public async Task<bool> TryAddOrganisationAsync(Organisation organisation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        await using var c = await database.OpenAsync(ct);
        var n = await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO organisations (id, name, name_key, type, plan, status, created_at) VALUES (@Id, @Name, @NameKey, @Type, @Plan, @Status, @CreatedAt) ON CONFLICT (name_key) DO NOTHING",
            new
            {
                Id = organisation.Id.ToString(),
                organisation.Name,
                NameKey = organisation.Name.ToUpperInvariant(),
                Type = Ticks.Lower(organisation.Type),
                Plan = Ticks.Lower(organisation.Plan),
                Status = Ticks.Lower(organisation.Status),
                CreatedAt = Ticks.From(organisation.CreatedAt),
            },
            cancellationToken: ct));
        database.Standings.Invalidate(organisation.Id);
        return n == 1;
    }

    public async Task<Organisation?> FindOrganisationAsync(Guid id, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<OrgRow>(new CommandDefinition("SELECT * FROM organisations WHERE id = @Id", new { Id = id.ToString() }, cancellationToken: ct));
        return row?.ToDomain();
    }

    public async Task<Organisation?> FindOrganisationByNameAsync(string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var c = await database.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<OrgRow>(new CommandDefinition("SELECT * FROM organisations WHERE name_key = @Key", new { Key = name.Trim().ToUpperInvariant() }, cancellationToken: ct));
        return row?.ToDomain();
    }

    public async Task<IReadOnlyList<Organisation>> ListOrganisationsAsync(CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var rows = await c.QueryAsync<OrgRow>(new CommandDefinition("SELECT * FROM organisations ORDER BY created_at, id", cancellationToken: ct));
        return rows.Select(r => r.ToDomain()).ToList();
    }

    public async Task UpdateOrganisationAsync(Organisation organisation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE organisations SET plan = @Plan, status = @Status WHERE id = @Id",
            new { Id = organisation.Id.ToString(), Plan = Ticks.Lower(organisation.Plan), Status = Ticks.Lower(organisation.Status) },
            cancellationToken: ct));
        database.Standings.Invalidate(organisation.Id);
    }

    public async Task<Member> GetOrAddMemberAsync(Guid? organisationId, string name, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(name);
        var orgKey = organisationId?.ToString() ?? "";
        var nameKey = name.Trim().ToUpperInvariant();
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO members (id, organisation_key, name, name_key, created_at) VALUES (@Id, @OrgKey, @Name, @NameKey, @At) ON CONFLICT (organisation_key, name_key) DO NOTHING",
            new { Id = Guid.CreateVersion7(now).ToString(), OrgKey = orgKey, Name = name.Trim(), NameKey = nameKey, At = Ticks.From(now) },
            cancellationToken: ct));
        var row = await c.QuerySingleAsync<MemberRow>(new CommandDefinition(
            "SELECT * FROM members WHERE organisation_key = @OrgKey AND name_key = @NameKey", new { OrgKey = orgKey, NameKey = nameKey }, cancellationToken: ct));
        return row.ToDomain();
    }

    public async Task AddKeyAsync(ApiKeyRecord key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO api_keys (id, member_id, organisation_id, role, prefix, hash, created_at, revoked_at) VALUES (@Id, @MemberId, @OrgId, @Role, @Prefix, @Hash, @CreatedAt, NULL)",
            new
            {
                Id = key.Id.ToString(),
                MemberId = key.MemberId.ToString(),
                OrgId = key.OrganisationId?.ToString(),
                Role = Ticks.Lower(key.Role),
                key.Prefix,
                key.Hash,
                CreatedAt = Ticks.From(key.CreatedAt),
            },
            cancellationToken: ct));
    }

    public async Task<(ApiKeyRecord Key, Member Member)?> FindKeyByHashAsync(string hash, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var key = await c.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition("SELECT * FROM api_keys WHERE hash = @Hash", new { Hash = hash }, cancellationToken: ct));
        if (key is null)
        {
            return null;
        }

        var member = await c.QuerySingleAsync<MemberRow>(new CommandDefinition("SELECT * FROM members WHERE id = @Id", new { Id = key.member_id }, cancellationToken: ct));
        return (key.ToDomain(), member.ToDomain());
    }

    public async Task<ApiKeyRecord?> FindKeyAsync(Guid id, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var key = await c.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition("SELECT * FROM api_keys WHERE id = @Id", new { Id = id.ToString() }, cancellationToken: ct));
        return key?.ToDomain();
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListKeysAsync(Guid? organisationId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var rows = organisationId is { } org
            ? await c.QueryAsync<KeyRow>(new CommandDefinition("SELECT * FROM api_keys WHERE organisation_id = @Org ORDER BY created_at", new { Org = org.ToString() }, cancellationToken: ct))
            : await c.QueryAsync<KeyRow>(new CommandDefinition("SELECT * FROM api_keys ORDER BY created_at", cancellationToken: ct));
        return rows.Select(r => r.ToDomain()).ToList();
    }

    public async Task<Member?> FindMemberAsync(Guid id, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<MemberRow>(new CommandDefinition("SELECT * FROM members WHERE id = @Id", new { Id = id.ToString() }, cancellationToken: ct));
        return row?.ToDomain();
    }

    public async Task<IReadOnlyList<Member>> ListMembersAsync(Guid? organisationId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var rows = organisationId is { } org
            ? await c.QueryAsync<MemberRow>(new CommandDefinition("SELECT * FROM members WHERE organisation_key = @Org ORDER BY created_at, id", new { Org = org.ToString() }, cancellationToken: ct))
            : await c.QueryAsync<MemberRow>(new CommandDefinition("SELECT * FROM members ORDER BY created_at, id", cancellationToken: ct));
        return [.. rows.Select(r => r.ToDomain())];
    }

    /// <summary>Revokes the key and ends its open sessions in one transaction (the API, the CLI and any other door).</summary>
    public async Task<bool> RevokeKeyAsync(Guid id, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        await using var tx = await PlatformDatabase.BeginWriteAsync(c, ct);
        var args = new { Id = id.ToString(), At = Ticks.From(at), Reason = SessionEndReason.Revoked };
        var n = await c.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = @At WHERE id = @Id AND revoked_at IS NULL", args, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE sessions SET ended_at = @At, end_reason = @Reason WHERE key_id = @Id AND ended_at IS NULL", args, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return n == 1;
    }

    public async Task<bool> AnyAdminKeyAsync(CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var n = await c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM api_keys WHERE role = 'admin' AND revoked_at IS NULL", cancellationToken: ct));
        return n > 0;
    }

#pragma warning disable CA1812, IDE1006 // Instantiated by Dapper; column names are snake_case.
    private sealed class OrgRow
    {
        public string id { get; set; } = "";
        public string name { get; set; } = "";
        public string type { get; set; } = "";
        public string plan { get; set; } = "";
        public string status { get; set; } = "";
        public long created_at { get; set; }

        public Organisation ToDomain() =>
            new(Guid.Parse(id), name, Ticks.Parse<OrganisationType>(type), Ticks.Parse<Plan>(plan), Ticks.Parse<OrganisationStatus>(status), Ticks.To(created_at));
    }

    private sealed class MemberRow
    {
        public string id { get; set; } = "";
        public string organisation_key { get; set; } = "";
        public string name { get; set; } = "";
        public long created_at { get; set; }

        public Member ToDomain() =>
            new(Guid.Parse(id), organisation_key.Length == 0 ? null : Guid.Parse(organisation_key), name, Ticks.To(created_at));
    }

    private sealed class KeyRow
    {
        public string id { get; set; } = "";
        public string member_id { get; set; } = "";
        public string? organisation_id { get; set; }
        public string role { get; set; } = "";
        public string prefix { get; set; } = "";
        public string hash { get; set; } = "";
        public long created_at { get; set; }
        public long? revoked_at { get; set; }

        public ApiKeyRecord ToDomain() =>
            new(Guid.Parse(id), Guid.Parse(member_id), organisation_id is null ? null : Guid.Parse(organisation_id), Ticks.Parse<Role>(role), prefix, hash, Ticks.To(created_at), Ticks.To(revoked_at));
    }
#pragma warning restore CA1812, IDE1006
}
