using Dapper;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Infrastructure.Platform;

/// <summary>The dashboard's sessions in the platform database (table <c>sessions</c>, migration 0440): only the id's hash is stored.</summary>
public sealed class SqlSessionStore(PlatformDatabase database) : ISessionStore
{
    public async Task AddAsync(SessionRecord session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO sessions (id_hash, key_id, member_id, organisation_id, created_at, last_used_at, expires_at, ended_at, end_reason) "
            + "VALUES (@IdHash, @KeyId, @MemberId, @OrgId, @CreatedAt, @LastUsedAt, @ExpiresAt, NULL, NULL)",
            new
            {
                session.IdHash,
                KeyId = session.KeyId.ToString(),
                MemberId = session.MemberId.ToString(),
                OrgId = session.OrganisationId?.ToString(),
                CreatedAt = Ticks.From(session.CreatedAt),
                LastUsedAt = Ticks.From(session.LastUsedAt),
                ExpiresAt = Ticks.From(session.ExpiresAt),
            },
            cancellationToken: ct));
    }

    public async Task<SessionRecord?> FindAsync(string idHash, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition(
            "SELECT * FROM sessions WHERE id_hash = @IdHash", new { IdHash = idHash }, cancellationToken: ct));
        return row?.ToDomain();
    }

    public async Task TouchAsync(string idHash, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE sessions SET last_used_at = @At WHERE id_hash = @IdHash AND last_used_at < @At AND ended_at IS NULL",
            new { IdHash = idHash, At = Ticks.From(at) }, cancellationToken: ct));
    }

    public async Task<bool> EndAsync(string idHash, DateTimeOffset at, string reason, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var n = await c.ExecuteAsync(new CommandDefinition(
            "UPDATE sessions SET ended_at = @At, end_reason = @Reason WHERE id_hash = @IdHash AND ended_at IS NULL",
            new { IdHash = idHash, At = Ticks.From(at), Reason = reason }, cancellationToken: ct));
        return n == 1;
    }

    public async Task<int> SweepAsync(DateTimeOffset now, DateTimeOffset idleBefore, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var args = new { Now = Ticks.From(now), IdleBefore = Ticks.From(idleBefore), Reason = SessionEndReason.Idle };
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE sessions SET ended_at = @Now, end_reason = @Reason WHERE ended_at IS NULL AND last_used_at <= @IdleBefore", args, cancellationToken: ct));
        return await c.ExecuteAsync(new CommandDefinition("DELETE FROM sessions WHERE expires_at <= @Now", args, cancellationToken: ct));
    }

#pragma warning disable CA1812, IDE1006 // Instantiated by Dapper; column names are snake_case.
    private sealed class SessionRow
    {
        public string id_hash { get; set; } = "";
        public string key_id { get; set; } = "";
        public string member_id { get; set; } = "";
        public string? organisation_id { get; set; }
        public long created_at { get; set; }
        public long last_used_at { get; set; }
        public long expires_at { get; set; }
        public long? ended_at { get; set; }
        public string? end_reason { get; set; }

        public SessionRecord ToDomain() => new(
            id_hash, Guid.Parse(key_id), Guid.Parse(member_id), organisation_id is null ? null : Guid.Parse(organisation_id),
            Ticks.To(created_at), Ticks.To(last_used_at), Ticks.To(expires_at), Ticks.To(ended_at), end_reason);
    }
#pragma warning restore CA1812, IDE1006
}
