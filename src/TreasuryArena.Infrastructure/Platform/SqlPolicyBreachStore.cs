using System.Globalization;
using Dapper;
using TreasuryArena.Core.Policy;

namespace TreasuryArena.Infrastructure.Platform;

/// <summary>The recorded IPS breaches (migration 0540): one row per organisation, business date, clause and token.</summary>
public sealed class SqlPolicyBreachStore(PlatformDatabase database) : IPolicyBreachStore
{
    private const decimal Scale = 1_000_000m;

    public async Task<bool> TryRecordAsync(RecordedBreach breach, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(breach);
        await using var c = await database.OpenAsync(ct);
        var b = breach.Breach;
        var n = await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO policy_breaches (organisation_id, as_of, clause, symbol, measured, limit_value, message, remedy, policy_version) " +
            "VALUES (@Org, @AsOf, @Clause, @Symbol, @Measured, @Limit, @Message, @Remedy, @Version) ON CONFLICT (organisation_id, as_of, clause, symbol) DO NOTHING",
            new
            {
                Org = breach.OrganisationId.ToString(),
                AsOf = Date(breach.AsOf),
                b.Clause,
                Symbol = b.Symbol ?? "",
                Measured = Scaled(b.Measured),
                Limit = Scaled(b.Limit),
                b.Message,
                b.Remedy,
                Version = (long)breach.PolicyVersion,
            },
            cancellationToken: ct));
        return n == 1;
    }

    public async Task<IReadOnlyList<RecordedBreach>> ListAsync(Guid organisationId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var rows = await c.QueryAsync<Row>(new CommandDefinition(
            "SELECT organisation_id AS OrganisationId, as_of AS AsOf, clause AS Clause, symbol AS Symbol, measured AS Measured, limit_value AS LimitValue, " +
            "message AS Message, remedy AS Remedy, policy_version AS PolicyVersion FROM policy_breaches " +
            "WHERE organisation_id = @Org AND as_of >= @From AND as_of <= @To ORDER BY as_of, clause, symbol",
            new { Org = organisationId.ToString(), From = Date(from), To = Date(to) }, cancellationToken: ct));
        return [.. rows.Select(r => new RecordedBreach(Guid.Parse(r.OrganisationId), DateOnly.ParseExact(r.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            checked((int)r.PolicyVersion),
            new PolicyBreach(r.Clause, r.Measured / Scale, r.LimitValue / Scale, r.Message, r.Remedy, r.Symbol.Length == 0 ? null : r.Symbol)))];
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static long Scaled(decimal value) => checked((long)Core.Common.RoundingPolicy.Down(value * Scale, 0));

    private sealed record Row(string OrganisationId, string AsOf, string Clause, string Symbol, long Measured, long LimitValue, string Message, string Remedy, long PolicyVersion);
}
