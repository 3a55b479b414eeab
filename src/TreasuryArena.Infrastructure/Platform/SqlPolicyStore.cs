using System.Text.Json;
using Dapper;
using TreasuryArena.Core.Policy;

namespace TreasuryArena.Infrastructure.Platform;

/// <summary>The versioned IPS store (migration 0510): one row per version, the policy as snake_case JSON.</summary>
public sealed class SqlPolicyStore(PlatformDatabase database) : IPolicyStore
{
    /// <summary>The JSON shape of a stored policy (and of the API's and CLI's): snake_case clause names.</summary>
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private const string Columns = "organisation_id AS OrganisationId, version AS Version, document AS Document, author AS Author, created_at AS CreatedAt";

    public async Task<PolicyVersion?> CurrentAsync(Guid organisationId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM investment_policies WHERE organisation_id = @Org ORDER BY version DESC LIMIT 1", new { Org = organisationId.ToString() }, cancellationToken: ct));
        return row?.ToVersion();
    }

    public async Task<IReadOnlyList<PolicyVersion>> HistoryAsync(Guid organisationId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var rows = await c.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM investment_policies WHERE organisation_id = @Org ORDER BY version DESC", new { Org = organisationId.ToString() }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToVersion())];
    }

    public async Task<bool> TryAddAsync(PolicyVersion version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(version);
        await using var c = await database.OpenAsync(ct);
        var n = await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO investment_policies (organisation_id, version, document, author, created_at) VALUES (@Org, @Version, @Document, @Author, @At) ON CONFLICT (organisation_id, version) DO NOTHING",
            new
            {
                Org = version.OrganisationId.ToString(),
                version.Version,
                Document = JsonSerializer.Serialize(PolicyDocument.From(version.Policy), Json),
                version.Author,
                At = Ticks.From(version.CreatedAt),
            },
            cancellationToken: ct));
        return n == 1;
    }

    private sealed record Row(string OrganisationId, long Version, string Document, string Author, long CreatedAt)
    {
        public PolicyVersion ToVersion() => new(
            Guid.Parse(OrganisationId),
            checked((int)Version),
            (JsonSerializer.Deserialize<PolicyDocument>(Document, Json) ?? new PolicyDocument()).ToPolicy(),
            Author,
            Ticks.To(CreatedAt));
    }
}
