using System.Globalization;
using System.Text.Json;
using Dapper;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Infrastructure.Platform;

/// <summary>Verification evidence, disclosures, attestations, holds, halt and notifications.</summary>
public sealed class SqlComplianceStore(PlatformDatabase database) : IComplianceStore
{
    private const int MaxSameInstantRows = 1000;

    private const string StandingSql = """
        SELECT
          (SELECT status FROM organisations WHERE id = @Org) AS org_status,
          (SELECT version FROM risk_disclosures ORDER BY published_at DESC, version DESC LIMIT 1) AS current_version,
          (SELECT document_version FROM attestations WHERE organisation_id = @Org ORDER BY attested_at DESC LIMIT 1) AS attested_version,
          (SELECT halted FROM platform_state WHERE id = 1) AS halted
        """;

    private readonly ComplianceStandingCache _standings = database.Standings;

    /// <summary>From the shared <see cref="ComplianceStandingCache"/> when fresh, else one query.</summary>
    public async Task<ComplianceStanding> LoadStandingAsync(Guid organisationId, CancellationToken ct)
    {
        if (_standings.TryGet(organisationId, out var cached))
        {
            return cached;
        }

        var generation = _standings.Generation;
        await using var c = await database.OpenAsync(ct);
        var row = await c.QuerySingleAsync<StandingRow>(new CommandDefinition(StandingSql, new { Org = organisationId.ToString() }, cancellationToken: ct));
        var standing = new ComplianceStanding(
            row.org_status is null ? null : Ticks.Parse<OrganisationStatus>(row.org_status),
            row.current_version,
            row.attested_version,
            row.halted is 1);
        _standings.Set(organisationId, standing, generation);
        return standing;
    }

    public async Task AddVerificationAsync(VerificationEvidence evidence, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        await using var c = await database.OpenAsync(ct);
        await InsertAtFreeInstantAsync(
            c,
            "INSERT INTO org_verifications (organisation_id, verified_at, entity_type, registration, reviewer) VALUES (@Org, @At, @EntityType, @Registration, @Reviewer) ON CONFLICT (organisation_id, verified_at) DO NOTHING",
            Ticks.From(evidence.VerifiedAt),
            at => new { Org = evidence.OrganisationId.ToString(), At = at, evidence.EntityType, evidence.Registration, evidence.Reviewer },
            ct);
    }

    public async Task<VerificationEvidence?> FindVerificationAsync(Guid organisationId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var row = await c.QueryFirstOrDefaultAsync<VerificationRow>(new CommandDefinition(
            "SELECT * FROM org_verifications WHERE organisation_id = @Org ORDER BY verified_at DESC LIMIT 1", new { Org = organisationId.ToString() }, cancellationToken: ct));
        return row is null ? null : new VerificationEvidence(Guid.Parse(row.organisation_id), row.entity_type, row.registration, row.reviewer, Ticks.To(row.verified_at));
    }

    public async Task<bool> TryAddDisclosureAsync(RiskDisclosure disclosure, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(disclosure);
        await using var c = await database.OpenAsync(ct);
        var n = await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO risk_disclosures (version, text, sha256, published_at, published_by) VALUES (@Version, @Text, @Sha256, @At, @By) ON CONFLICT (version) DO NOTHING",
            new { disclosure.Version, disclosure.Text, disclosure.Sha256, At = Ticks.From(disclosure.PublishedAt), By = disclosure.PublishedBy },
            cancellationToken: ct));
        _standings.InvalidateAll();
        return n == 1;
    }

    public async Task<RiskDisclosure?> CurrentDisclosureAsync(CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var row = await c.QueryFirstOrDefaultAsync<DisclosureRow>(new CommandDefinition(
            "SELECT * FROM risk_disclosures ORDER BY published_at DESC, version DESC LIMIT 1", cancellationToken: ct));
        return row is null ? null : new RiskDisclosure(row.version, row.text, row.sha256, Ticks.To(row.published_at), row.published_by);
    }

    public async Task AddAttestationAsync(Attestation attestation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(attestation);
        await using var c = await database.OpenAsync(ct);
        await InsertAtFreeInstantAsync(
            c,
            "INSERT INTO attestations (organisation_id, attested_at, document_version, document_hash, signer, attested_by) VALUES (@Org, @At, @Version, @Hash, @Signer, @By) ON CONFLICT (organisation_id, attested_at, document_version) DO NOTHING",
            Ticks.From(attestation.AttestedAt),
            at => new
            {
                Org = attestation.OrganisationId.ToString(),
                At = at,
                Version = attestation.DocumentVersion,
                Hash = attestation.DocumentHash,
                attestation.Signer,
                By = attestation.AttestedBy,
            },
            ct);
        _standings.Invalidate(attestation.OrganisationId);
    }

    public async Task<Attestation?> LatestAttestationAsync(Guid organisationId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var row = await c.QueryFirstOrDefaultAsync<AttestationRow>(new CommandDefinition(
            "SELECT * FROM attestations WHERE organisation_id = @Org ORDER BY attested_at DESC LIMIT 1", new { Org = organisationId.ToString() }, cancellationToken: ct));
        return row is null ? null : new Attestation(Guid.Parse(row.organisation_id), row.document_version, row.document_hash, row.signer, row.attested_by, Ticks.To(row.attested_at));
    }

    public async Task AddHoldAsync(HeldTrade hold, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(hold);
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO held_trades (id, organisation_id, wallet_address, symbol, side, usd_value, request, reasons, status, held_at, held_by, decided_by, decided_at, result)
            VALUES (@Id, @Org, @Wallet, @Symbol, @Side, @Usd, @Request, @Reasons, @Status, @At, @By, NULL, NULL, NULL)
            """,
            new
            {
                Id = hold.Id.ToString(),
                Org = hold.OrganisationId.ToString(),
                Wallet = hold.WalletAddress,
                hold.Symbol,
                Side = Ticks.Lower(hold.Side),
                Usd = hold.UsdValue.ToString(CultureInfo.InvariantCulture),
                hold.Request,
                Reasons = JsonSerializer.Serialize(hold.Reasons),
                Status = Ticks.Lower(hold.Status),
                At = Ticks.From(hold.HeldAt),
                By = hold.HeldBy,
            },
            cancellationToken: ct));
    }

    public async Task<HeldTrade?> FindHoldAsync(Guid id, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<HoldRow>(new CommandDefinition("SELECT * FROM held_trades WHERE id = @Id", new { Id = id.ToString() }, cancellationToken: ct));
        return row?.ToDomain();
    }

    public async Task<IReadOnlyList<HeldTrade>> ListHoldsAsync(HoldStatus? status, Guid? organisationId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var rows = await c.QueryAsync<HoldRow>(new CommandDefinition(
            "SELECT * FROM held_trades WHERE (@Status IS NULL OR status = @Status) AND (@Org IS NULL OR organisation_id = @Org) ORDER BY held_at DESC LIMIT 500",
            new { Status = status is { } s ? Ticks.Lower(s) : null, Org = organisationId?.ToString() },
            cancellationToken: ct));
        return rows.Select(r => r.ToDomain()).ToList();
    }

    public async Task<bool> TryDecideHoldAsync(Guid id, HoldStatus status, string decidedBy, DateTimeOffset at, string? result, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var n = await c.ExecuteAsync(new CommandDefinition(
            "UPDATE held_trades SET status = @Status, decided_by = @By, decided_at = @At, result = @Result WHERE id = @Id AND status = 'held'",
            new { Id = id.ToString(), Status = Ticks.Lower(status), By = decidedBy, At = Ticks.From(at), Result = result },
            cancellationToken: ct));
        return n == 1;
    }

    public async Task SetHaltAsync(bool halted, string? reason, string actor, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO platform_state (id, halted, reason, set_by, set_at) VALUES (1, @Halted, @Reason, @By, @At)
            ON CONFLICT (id) DO UPDATE SET halted = excluded.halted, reason = excluded.reason, set_by = excluded.set_by, set_at = excluded.set_at
            """,
            new { Halted = halted ? 1L : 0L, Reason = reason, By = actor, At = Ticks.From(at) },
            cancellationToken: ct));
        _standings.InvalidateAll();
    }

    public async Task<PlatformHalt> HaltStateAsync(CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<HaltRow>(new CommandDefinition("SELECT * FROM platform_state WHERE id = 1", cancellationToken: ct));
        return row is null ? new PlatformHalt(false, null, null, null) : new PlatformHalt(row.halted == 1, row.reason, row.set_by, Ticks.To(row.set_at));
    }

    public async Task AddNotificationAsync(Notification notification, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notification);
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO notifications (id, kind, subject, message, at, organisation_id) VALUES (@Id, @Kind, @Subject, @Message, @At, @Org)",
            new
            {
                Id = Guid.CreateVersion7(notification.At).ToString(),
                notification.Kind,
                notification.Subject,
                notification.Message,
                At = Ticks.From(notification.At),
                Org = notification.OrganisationId?.ToString(),
            },
            cancellationToken: ct));
    }

    public async Task<IReadOnlyList<Notification>> ListNotificationsAsync(Guid? organisationId, int limit, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var rows = await c.QueryAsync<NotificationRow>(new CommandDefinition(
            "SELECT * FROM notifications WHERE (@Org IS NULL OR organisation_id = @Org OR organisation_id IS NULL) ORDER BY at DESC LIMIT @Limit",
            new { Org = organisationId?.ToString(), Limit = (long)limit },
            cancellationToken: ct));
        return rows.Select(r => new Notification(r.kind, r.subject, r.message, Ticks.To(r.at), r.organisation_id is null ? null : Guid.Parse(r.organisation_id))).ToList();
    }

#pragma warning disable CA1812, IDE1006 // Instantiated by Dapper; column names are snake_case.
    private sealed class StandingRow
    {
        public string? org_status { get; set; }
        public string? current_version { get; set; }
        public string? attested_version { get; set; }
        public long? halted { get; set; }
    }

    private sealed class VerificationRow
    {
        public string organisation_id { get; set; } = "";
        public long verified_at { get; set; }
        public string entity_type { get; set; } = "";
        public string registration { get; set; } = "";
        public string reviewer { get; set; } = "";
    }

    private sealed class DisclosureRow
    {
        public string version { get; set; } = "";
        public string text { get; set; } = "";
        public string sha256 { get; set; } = "";
        public long published_at { get; set; }
        public string published_by { get; set; } = "";
    }

    private sealed class AttestationRow
    {
        public string organisation_id { get; set; } = "";
        public long attested_at { get; set; }
        public string document_version { get; set; } = "";
        public string document_hash { get; set; } = "";
        public string signer { get; set; } = "";
        public string attested_by { get; set; } = "";
    }

    private sealed class HoldRow
    {
        public string id { get; set; } = "";
        public string organisation_id { get; set; } = "";
        public string wallet_address { get; set; } = "";
        public string symbol { get; set; } = "";
        public string side { get; set; } = "";
        public string usd_value { get; set; } = "";
        public string request { get; set; } = "";
        public string reasons { get; set; } = "";
        public string status { get; set; } = "";
        public long held_at { get; set; }
        public string held_by { get; set; } = "";
        public string? decided_by { get; set; }
        public long? decided_at { get; set; }
        public string? result { get; set; }

        public HeldTrade ToDomain() => new(
            Guid.Parse(id),
            Guid.Parse(organisation_id),
            wallet_address,
            symbol,
            Ticks.Parse<OrderSide>(side),
            decimal.Parse(usd_value, NumberStyles.Number, CultureInfo.InvariantCulture),
            request,
            JsonSerializer.Deserialize<string[]>(reasons) ?? [],
            Ticks.Parse<HoldStatus>(status),
            Ticks.To(held_at),
            held_by,
            decided_by,
            Ticks.To(decided_at),
            result);
    }

    private sealed class HaltRow
    {
        public long halted { get; set; }
        public string? reason { get; set; }
        public string? set_by { get; set; }
        public long? set_at { get; set; }
    }

    private sealed class NotificationRow
    {
        public string kind { get; set; } = "";
        public string subject { get; set; } = "";
        public string message { get; set; } = "";
        public long at { get; set; }
        public string? organisation_id { get; set; }
    }
#pragma warning restore CA1812, IDE1006

    /// <summary>
    /// Inserts a row keyed by (organisation, instant): a repeat within one clock tick (verifying or attesting twice at
    /// the same instant) is kept one tick later instead of failing on the key, so every row of evidence stays.
    /// </summary>
    private static async Task InsertAtFreeInstantAsync(System.Data.Common.DbConnection c, string insertOrNothing, long at, Func<long, object> parameters, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxSameInstantRows; attempt++)
        {
            if (await c.ExecuteAsync(new CommandDefinition(insertOrNothing, parameters(at + attempt), cancellationToken: ct)) == 1)
            {
                return;
            }
        }

        throw new InvalidOperationException($"more than {MaxSameInstantRows} rows for one organisation at one instant");
    }
}
