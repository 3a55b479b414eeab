using Dapper;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Treasury;
using TreasuryArena.Infrastructure.Platform;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Infrastructure.Advice;

/// <summary>
/// The registered treasuries (table <c>treasuries</c>, migration 0500) in SQLite or PostgreSQL: one row per
/// organisation with its ledger name, capital (cents), creation instant (UTC ticks) and creator.
/// </summary>
internal sealed class SqlTreasuryRegistry(ArenaDatabase database)
{
    private const string Columns =
        "organisation_id AS OrganisationId, ledger_name AS LedgerName, capital_cents AS CapitalCents, created_at AS CreatedAt, created_by AS CreatedBy";

    public async Task<TreasuryAccount?> FindAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM treasuries WHERE organisation_id = @Id", new { Id = organisationId.ToString() }, cancellationToken: cancellationToken));
        return row?.ToAccount();
    }

    public async Task<bool> TryAddAsync(TreasuryAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var n = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO treasuries (organisation_id, ledger_name, capital_cents, created_at, created_by)
            VALUES (@OrganisationId, @LedgerName, @CapitalCents, @CreatedAt, @CreatedBy) ON CONFLICT DO NOTHING
            """,
            new
            {
                OrganisationId = account.OrganisationId.ToString(),
                account.LedgerName,
                CapitalCents = RoundingPolicy.ToScaled(account.Capital, Currency.Usd.Scale),
                CreatedAt = Ticks.From(account.CreatedAt),
                account.CreatedBy,
            },
            cancellationToken: cancellationToken));
        return n == 1;
    }

    public async Task<IReadOnlyList<TreasuryAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM treasuries ORDER BY created_at, organisation_id", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToAccount()).ToList();
    }

    /// <summary>One row as Dapper reads it (properties, so provider integer widths convert).</summary>
    private sealed class Row
    {
        public string OrganisationId { get; set; } = "";

        public string LedgerName { get; set; } = "";

        public long CapitalCents { get; set; }

        public long CreatedAt { get; set; }

        public string CreatedBy { get; set; } = "";

        public TreasuryAccount ToAccount() =>
            new(Guid.Parse(OrganisationId), LedgerName, RoundingPolicy.FromScaled(CapitalCents, Currency.Usd.Scale), Ticks.To(CreatedAt), CreatedBy);
    }
}
