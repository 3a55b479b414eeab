using System.Globalization;
using Dapper;
using TreasuryArena.Core.Approvals;

namespace TreasuryArena.Infrastructure.Platform;

/// <summary>The two-person approvals in the platform database (table <c>approvals</c>, migration 0520), SQLite or PostgreSQL.</summary>
public sealed class SqlApprovalStore(PlatformDatabase database) : IApprovalStore
{
    private const string Awaiting = "awaiting_second_approval";

    public async Task AddAsync(PendingApproval approval, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(approval);
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO approvals (id, kind, organisation_id, summary, usd_value, payload, requested_by_member, requested_by_key, requested_by, status, created_at, expires_at, decided_by, decided_at, result) "
            + "VALUES (@Id, @Kind, @Org, @Summary, @Usd, @Payload, @Member, @Key, @By, @Status, @CreatedAt, @ExpiresAt, NULL, NULL, NULL)",
            new
            {
                Id = approval.Id.ToString(),
                Kind = approval.KindCode,
                Org = approval.OrganisationId.ToString(),
                approval.Summary,
                Usd = approval.UsdValue.ToString(CultureInfo.InvariantCulture),
                approval.Payload,
                Member = approval.RequestedByMember.ToString(),
                Key = approval.RequestedByKey.ToString(),
                By = approval.RequestedBy,
                Status = approval.StatusCode,
                CreatedAt = Ticks.From(approval.CreatedAt),
                ExpiresAt = Ticks.From(approval.ExpiresAt),
            },
            cancellationToken: ct));
    }

    public async Task<PendingApproval?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<ApprovalRow>(new CommandDefinition(
            "SELECT * FROM approvals WHERE id = @Id", new { Id = id.ToString() }, cancellationToken: ct));
        return row?.ToDomain();
    }

    public async Task<IReadOnlyList<PendingApproval>> ListAsync(Guid? organisationId, ApprovalStatus? status, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        // Filters are added only when given (PostgreSQL cannot type an untyped NULL parameter in "@P IS NULL").
        var where = (organisationId is null ? "1 = 1" : "organisation_id = @Org") + (status is null ? "" : " AND status = @Status");
        var rows = await c.QueryAsync<ApprovalRow>(new CommandDefinition(
            "SELECT * FROM approvals WHERE " + where + " ORDER BY created_at DESC, id DESC",
            new { Org = organisationId?.ToString(), Status = status is { } s ? PendingApproval.Code(s) : null },
            cancellationToken: ct));
        return [.. rows.Select(r => r.ToDomain())];
    }

    public async Task<bool> TryDecideAsync(Guid id, ApprovalStatus status, string decidedBy, DateTimeOffset at, string? result, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var n = await c.ExecuteAsync(new CommandDefinition(
            "UPDATE approvals SET status = @Status, decided_by = @By, decided_at = @At, result = @Result WHERE id = @Id AND status = @Awaiting",
            new { Id = id.ToString(), Status = PendingApproval.Code(status), By = decidedBy, At = Ticks.From(at), Result = result, Awaiting },
            cancellationToken: ct));
        return n == 1;
    }

#pragma warning disable CA1812, IDE1006 // Instantiated by Dapper; column names are snake_case.
    private sealed class ApprovalRow
    {
        public string id { get; set; } = "";
        public string kind { get; set; } = "";
        public string organisation_id { get; set; } = "";
        public string summary { get; set; } = "";
        public string usd_value { get; set; } = "0";
        public string payload { get; set; } = "{}";
        public string requested_by_member { get; set; } = "";
        public string requested_by_key { get; set; } = "";
        public string requested_by { get; set; } = "";
        public string status { get; set; } = "";
        public long created_at { get; set; }
        public long expires_at { get; set; }
        public string? decided_by { get; set; }
        public long? decided_at { get; set; }
        public string? result { get; set; }

        public PendingApproval ToDomain() => new(
            Guid.Parse(id),
            PendingApproval.TryParse<ApprovalKind>(kind, out var k) ? k : throw new InvalidOperationException($"approval {id}: unknown kind '{kind}'"),
            Guid.Parse(organisation_id), summary, decimal.Parse(usd_value, CultureInfo.InvariantCulture), payload,
            Guid.Parse(requested_by_member), Guid.Parse(requested_by_key), requested_by,
            PendingApproval.TryParse<ApprovalStatus>(status, out var s) ? s : throw new InvalidOperationException($"approval {id}: unknown status '{status}'"),
            Ticks.To(created_at), Ticks.To(expires_at), decided_by, Ticks.To(decided_at), result);
    }
#pragma warning restore CA1812, IDE1006
}
