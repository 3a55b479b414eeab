using Dapper;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.Treasury;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Infrastructure.Advice;

/// <summary>
/// The treasury's <see cref="TreasuryState"/> (<c>treasury_state</c>: inception, last execution date, peak value) in
/// SQLite or PostgreSQL. Cash, positions and fills are in the ledger (migration 0201 dropped the old holdings and fills
/// tables); see <see cref="LedgerTreasuryStore"/>. The treasury's memory (<c>treasury_memory</c>, migration 0202: the MVRV
/// ladder and the orders queued for the next bar) is one row of JSON, replaced in one transaction. Both are one row per organisation (migration 0500).
/// </summary>
public sealed class SqlTreasuryStore(ArenaDatabase database, Guid? organisationId = null) : ITreasuryStateStore
{
    /// <summary>Whose treasury this is (migration 0500 keys both tables by organisation); the platform treasury's when none is given.</summary>
    private readonly string _organisation = (organisationId ?? PlatformTreasury.OrganisationId).ToString();

    public async Task<TreasuryState?> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var state = await connection.QuerySingleOrDefaultAsync<StateRow>(new CommandDefinition(
            "SELECT inception AS Inception, updated_on AS UpdatedOn, peak_cents AS PeakCents FROM treasury_state WHERE organisation_id = @Organisation",
            new { Organisation = _organisation }, cancellationToken: cancellationToken));
        return state is null
            ? null
            : new TreasuryState(Scaled.ParseDate(state.Inception), Scaled.ParseDate(state.UpdatedOn), RoundingPolicy.FromScaled(state.PeakCents, Currency.Usd.Scale));
    }

    public async Task SaveAsync(TreasuryState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var row = new
        {
            Inception = Scaled.Date(state.Inception),
            UpdatedOn = Scaled.Date(state.UpdatedOn),
            PeakCents = RoundingPolicy.ToScaled(RoundingPolicy.CentsDown(state.PeakValue), Currency.Usd.Scale),
            Organisation = _organisation,
        };
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await SqlDecisionJournal.LockAsync(connection, tx, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM treasury_state WHERE organisation_id = @Organisation", new { Organisation = _organisation }, tx, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO treasury_state (organisation_id, inception, updated_on, peak_cents) VALUES (@Organisation, @Inception, @UpdatedOn, @PeakCents)",
            row, tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<TreasuryMemory?> LoadMemoryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MemoryRow>(new CommandDefinition(
            "SELECT ladder_json AS LadderJson, pending_json AS PendingJson FROM treasury_memory WHERE organisation_id = @Organisation",
            new { Organisation = _organisation }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new TreasuryMemory(AdviceJson.Read<LadderState>(row.LadderJson), row.PendingJson is null ? null : AdviceJson.Read<PendingOrders>(row.PendingJson));
    }

    public async Task SaveMemoryAsync(TreasuryMemory memory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memory);
        var row = new
        {
            LadderJson = AdviceJson.Write(memory.Ladder),
            PendingJson = memory.Pending is null ? null : AdviceJson.Write(memory.Pending),
            Organisation = _organisation,
        };
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await SqlDecisionJournal.LockAsync(connection, tx, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM treasury_memory WHERE organisation_id = @Organisation", new { Organisation = _organisation }, tx, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO treasury_memory (organisation_id, ladder_json, pending_json) VALUES (@Organisation, @LadderJson, @PendingJson)",
            row, tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
    }

    private sealed class MemoryRow
    {
        public string LadderJson { get; set; } = "";

        public string? PendingJson { get; set; }
    }

    private sealed class StateRow
    {
        public string Inception { get; set; } = "";

        public string UpdatedOn { get; set; } = "";

        public long PeakCents { get; set; }
    }
}
