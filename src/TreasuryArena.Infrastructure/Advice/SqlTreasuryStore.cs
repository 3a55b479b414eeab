using Dapper;
using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Treasury;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Infrastructure.Advice;

/// <summary>
/// The treasury's holdings (<c>treasury_state</c>, <c>treasury_positions</c>) and its append-only fills
/// (<c>treasury_fills</c>) in SQLite or PostgreSQL (migration 0200); a save replaces the holdings and appends the fills in one transaction.
/// </summary>
public sealed class SqlTreasuryStore(ArenaDatabase database, TimeProvider timeProvider) : ITreasuryStore
{
    public async Task<TreasuryPortfolio?> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var state = await connection.QuerySingleOrDefaultAsync<StateRow>(new CommandDefinition(
            "SELECT inception AS Inception, updated_on AS UpdatedOn, cash_cents AS CashCents, peak_cents AS PeakCents FROM treasury_state WHERE id = 1",
            cancellationToken: cancellationToken));
        if (state is null)
        {
            return null;
        }

        var positions = await connection.QueryAsync<PositionRow>(new CommandDefinition(
            "SELECT asset AS Asset, venue AS Venue, asset_class AS AssetClass, quantity_e10 AS QuantityE10, cost_basis_cents AS CostBasisCents FROM treasury_positions ORDER BY asset",
            cancellationToken: cancellationToken));
        return new TreasuryPortfolio(
            Scaled.ParseDate(state.Inception),
            Scaled.ParseDate(state.UpdatedOn),
            Scaled.FromLong(state.CashCents, Scaled.Cents),
            positions.Select(p => new TreasuryPosition(
                p.Asset,
                p.Venue,
                Enum.Parse<AssetClass>(p.AssetClass, ignoreCase: true),
                Scaled.FromLong(p.QuantityE10, Scaled.E10),
                Scaled.FromLong(p.CostBasisCents, Scaled.Cents))).ToList(),
            Scaled.FromLong(state.PeakCents, Scaled.Cents));
    }

    public async Task SaveAsync(TreasuryPortfolio portfolio, IReadOnlyList<Fill> fills, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(fills);
        var state = new
        {
            Inception = Scaled.Date(portfolio.Inception),
            UpdatedOn = Scaled.Date(portfolio.UpdatedOn),
            CashCents = Scaled.ToLong(portfolio.Cash, Scaled.Cents),
            PeakCents = Scaled.ToLong(Math.Round(portfolio.PeakValue, 2, MidpointRounding.ToZero), Scaled.Cents),
        };
        var positions = portfolio.Positions.Select(p => new
        {
            p.Asset,
            p.Venue,
            AssetClass = p.AssetClass.ToString().ToLowerInvariant(),
            QuantityE10 = Scaled.ToLong(p.Quantity, Scaled.E10),
            CostBasisCents = Scaled.ToLong(Math.Round(p.CostBasis, 2, MidpointRounding.ToEven), Scaled.Cents),
        }).ToList();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await SqlDecisionJournal.LockAsync(connection, tx, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM treasury_state", transaction: tx, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO treasury_state (id, inception, updated_on, cash_cents, peak_cents) VALUES (1, @Inception, @UpdatedOn, @CashCents, @PeakCents)",
            state, tx, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM treasury_positions", transaction: tx, cancellationToken: cancellationToken));
        foreach (var p in positions)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO treasury_positions (asset, venue, asset_class, quantity_e10, cost_basis_cents) VALUES (@Asset, @Venue, @AssetClass, @QuantityE10, @CostBasisCents)",
                p, tx, cancellationToken: cancellationToken));
        }

        var seq = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COALESCE(MAX(seq), 0) FROM treasury_fills", transaction: tx, cancellationToken: cancellationToken));
        var now = database.InstantParameter(timeProvider.GetUtcNow());
        foreach (var f in fills)
        {
            seq++;
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO treasury_fills (seq, recorded_at, fill_date, asset, venue, side, quantity_e10, mark_price_e10, notional_cents, fee_cents, slippage_cents)
                VALUES (@Seq, @RecordedAt, @FillDate, @Asset, @Venue, @Side, @QuantityE10, @MarkPriceE10, @NotionalCents, @FeeCents, @SlippageCents)
                """,
                new
                {
                    Seq = seq,
                    RecordedAt = now,
                    FillDate = Scaled.Date(f.Date),
                    f.Asset,
                    f.Venue,
                    Side = f.Side.ToString().ToLowerInvariant(),
                    QuantityE10 = Scaled.ToLong(f.Quantity, Scaled.E10),
                    MarkPriceE10 = Scaled.ToLong(f.MarkPrice, Scaled.E10),
                    NotionalCents = Scaled.ToLong(f.Notional, Scaled.Cents),
                    FeeCents = Scaled.ToLong(f.Fee, Scaled.Cents),
                    SlippageCents = Scaled.ToLong(f.Slippage, Scaled.Cents),
                },
                tx,
                cancellationToken: cancellationToken));
        }

        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Every fill in order (for the ledger view and tests).</summary>
    public async Task<IReadOnlyList<Fill>> FillsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<FillRow>(new CommandDefinition(
            """
            SELECT fill_date AS FillDate, asset AS Asset, venue AS Venue, side AS Side, quantity_e10 AS QuantityE10, mark_price_e10 AS MarkPriceE10,
                   notional_cents AS NotionalCents, fee_cents AS FeeCents, slippage_cents AS SlippageCents
            FROM treasury_fills ORDER BY seq
            """,
            cancellationToken: cancellationToken));
        return rows.Select(r => new Fill(
            Scaled.ParseDate(r.FillDate),
            r.Asset,
            r.Venue,
            Enum.Parse<OrderSide>(r.Side, ignoreCase: true),
            Scaled.FromLong(r.QuantityE10, Scaled.E10),
            Scaled.FromLong(r.MarkPriceE10, Scaled.E10),
            Scaled.FromLong(r.NotionalCents, Scaled.Cents),
            Scaled.FromLong(r.FeeCents, Scaled.Cents),
            Scaled.FromLong(r.SlippageCents, Scaled.Cents))).ToList();
    }

    private sealed class StateRow
    {
        public string Inception { get; set; } = "";

        public string UpdatedOn { get; set; } = "";

        public long CashCents { get; set; }

        public long PeakCents { get; set; }
    }

    private sealed class PositionRow
    {
        public string Asset { get; set; } = "";

        public string Venue { get; set; } = "";

        public string AssetClass { get; set; } = "";

        public long QuantityE10 { get; set; }

        public long CostBasisCents { get; set; }
    }

    private sealed class FillRow
    {
        public string FillDate { get; set; } = "";

        public string Asset { get; set; } = "";

        public string Venue { get; set; } = "";

        public string Side { get; set; } = "";

        public long QuantityE10 { get; set; }

        public long MarkPriceE10 { get; set; }

        public long NotionalCents { get; set; }

        public long FeeCents { get; set; }

        public long SlippageCents { get; set; }
    }
}
