using System.Text.Json;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Identity;

/// <summary>
/// Use cases for organisations, members and API keys. Every change and every refusal is audited; the audit chain names
/// a member only by their pseudonymous id (<see cref="Member.Pseudonym"/>), never by name.
/// </summary>
public sealed class IdentityService(IIdentityStore store, IAuditLog audit, TimeProvider time)
{
    /// <summary>The longest organisation or member name (the free-text policy's, <see cref="FreeText.NameMaxLength"/>).</summary>
    public const int MaxNameLength = FreeText.NameMaxLength;

    public async Task<Organisation> CreateOrganisationAsync(Caller caller, string name, OrganisationType type, Plan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        name = FreeText.Require(name, FreeText.OrganisationName);
        var org = new Organisation(Guid.CreateVersion7(time.GetUtcNow()), name, type, plan, OrganisationStatus.Pending, time.GetUtcNow());
        if (!await store.TryAddOrganisationAsync(org, ct))
        {
            await RefuseAsync(caller, "org.create", name, Outcome.OrganisationExists, ct);
            throw new DomainException(Outcome.OrganisationExists, $"an organisation named '{name}' already exists");
        }

        await audit.AppendAsync(new AuditRecord(caller.Actor, "org.create", org.Id.ToString(), AuditOutcome.Done, Json(new { name, type = Lower(type), plan = Lower(plan) })), ct);
        return org;
    }

    public async Task<Organisation> SetPlanAsync(Caller caller, Guid organisationId, Plan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var org = await RequireOrganisationAsync(organisationId, ct);
        var updated = org with { Plan = plan };
        await store.UpdateOrganisationAsync(updated, ct);
        await audit.AppendAsync(new AuditRecord(caller.Actor, "org.plan", org.Id.ToString(), AuditOutcome.Done, Json(new { from = Lower(org.Plan), to = Lower(plan) })), ct);
        return updated;
    }

    public async Task<Organisation> RequireOrganisationAsync(Guid organisationId, CancellationToken ct) =>
        await store.FindOrganisationAsync(organisationId, ct)
        ?? throw new DomainException(Outcome.OrganisationNotFound, $"no organisation with id {organisationId}");

    public async Task<Organisation> RequireOrganisationByNameAsync(string name, CancellationToken ct) =>
        await store.FindOrganisationByNameAsync(name, ct)
        ?? throw new DomainException(Outcome.OrganisationNotFound, $"no organisation named '{name}'");

    /// <summary>Issues a key for a member (created on first use). Admin keys belong to no organisation.</summary>
    public async Task<IssuedApiKey> IssueKeyAsync(Caller caller, Guid? organisationId, string memberName, Role role, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        memberName = FreeText.Require(memberName, FreeText.MemberName);
        if (role != Role.Admin)
        {
            if (organisationId is null)
            {
                throw new DomainException(Outcome.OrganisationRequired, "treasurer and viewer keys belong to an organisation");
            }

            await RequireOrganisationAsync(organisationId.Value, ct);
        }
        else
        {
            organisationId = null;
        }

        var now = time.GetUtcNow();
        var member = await store.GetOrAddMemberAsync(organisationId, memberName, now, ct);
        var key = ApiKeySecret.Generate();
        var record = new ApiKeyRecord(Guid.CreateVersion7(now), member.Id, organisationId, role, ApiKeySecret.DisplayPrefix(key), ApiKeySecret.Hash(key), now, null);
        await store.AddKeyAsync(record, ct);
        await audit.AppendAsync(
            new AuditRecord(caller.Actor, "key.issue", record.Id.ToString(), AuditOutcome.Done, Json(new { member = member.Pseudonym, role = Lower(role), organisation_id = organisationId, prefix = record.Prefix })),
            ct);
        return new IssuedApiKey(record, member.Name, key);
    }

    public async Task RevokeKeyAsync(Caller caller, Guid keyId, Guid? requireOrganisation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var key = await store.FindKeyAsync(keyId, ct);
        if (key is null || (requireOrganisation is not null && key.OrganisationId != requireOrganisation))
        {
            await RefuseAsync(caller, "key.revoke", keyId.ToString(), Outcome.KeyNotFound, ct);
            throw new DomainException(Outcome.KeyNotFound, $"no key with id {keyId}");
        }

        // The store ends the key's dashboard sessions in the same transaction.
        if (!await store.RevokeKeyAsync(keyId, time.GetUtcNow(), ct))
        {
            throw new DomainException(Outcome.KeyAlreadyRevoked, $"key {keyId} is already revoked");
        }

        await audit.AppendAsync(new AuditRecord(caller.Actor, "key.revoke", keyId.ToString(), AuditOutcome.Done, Json(new { prefix = key.Prefix })), ct);
    }

    /// <summary>
    /// Creates the first admin key, or registers <paramref name="presetKey"/> as it. Returns null when an admin key
    /// already exists and <paramref name="force"/> is off, so a restart never mints a second one silently.
    /// </summary>
    public async Task<IssuedApiKey?> BootstrapAdminAsync(string memberName, string? presetKey, bool force, CancellationToken ct)
    {
        if (!force && await store.AnyAdminKeyAsync(ct))
        {
            return null;
        }

        var caller = Caller.Operator("bootstrap");
        if (presetKey is null)
        {
            return await IssueKeyAsync(caller, null, memberName, Role.Admin, ct);
        }

        if (presetKey.Length < 24)
        {
            throw new DomainException(Outcome.BootstrapKeyTooShort, "Arena:BootstrapAdminKey must be at least 24 characters");
        }

        var hash = ApiKeySecret.Hash(presetKey);
        if (await store.FindKeyByHashAsync(hash, ct) is not null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var member = await store.GetOrAddMemberAsync(null, memberName, now, ct);
        var record = new ApiKeyRecord(Guid.CreateVersion7(now), member.Id, null, Role.Admin, ApiKeySecret.DisplayPrefix(presetKey), hash, now, null);
        await store.AddKeyAsync(record, ct);
        await audit.AppendAsync(new AuditRecord(caller.Actor, "key.bootstrap", record.Id.ToString(), AuditOutcome.Done, Json(new { member = member.Pseudonym, source = "configuration" })), ct);
        return new IssuedApiKey(record, member.Name, presetKey);
    }

    public async Task<Caller?> AuthenticateAsync(string key, CancellationToken ct)
    {
        var found = await store.FindKeyByHashAsync(ApiKeySecret.Hash(key), ct);
        if (found is not { } f || !f.Key.IsActive)
        {
            return null;
        }

        return new Caller(f.Key.Id, f.Member.Id, f.Member.Name, f.Key.OrganisationId, f.Key.Role);
    }

    /// <summary>
    /// The caller of a key by its id (a session's key): null when it is unknown or revoked. The same answer as
    /// <see cref="AuthenticateAsync"/> gives for the key itself.
    /// </summary>
    public async Task<Caller?> AuthenticateKeyIdAsync(Guid keyId, CancellationToken ct)
    {
        var key = await store.FindKeyAsync(keyId, ct);
        if (key is not { IsActive: true } || await store.FindMemberAsync(key.MemberId, ct) is not { } member)
        {
            return null;
        }

        return new Caller(key.Id, member.Id, member.Name, key.OrganisationId, key.Role);
    }

    private Task<AuditEntry> RefuseAsync(Caller caller, string action, string subject, Outcome outcome, CancellationToken ct) =>
        audit.AppendAsync(new AuditRecord(caller.Actor, action, subject, AuditOutcome.Refused, Json(new { code = outcome.Code() })), ct);

    internal static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    internal static string Json<T>(T value) => JsonSerializer.Serialize(value, SnakeCase);

    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
