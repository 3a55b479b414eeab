using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Wallets.Optimization;
using TreasuryArena.Core.Wallets.Proposals;

namespace TreasuryArena.Infrastructure.Storage;

/// <summary>Allocation snapshots and HYBRID proposals (migration 0300) in SQLite or PostgreSQL.</summary>
public sealed class SqlWalletAllocationStore(ArenaDatabase database) : IWalletAllocationStore
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly string[] SnapshotParameters = ["id", "run", "address", "asOf", "mode", "action", "value", "current", "target", "orders", "decision", "reasoning", "created"];

    public async Task SaveRunAsync(OptimizerRun run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var c = await database.OpenConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO wallet_optimizer_runs (run_id, as_of, lookback_days, tokens, created_at) VALUES (@id, @asOf, @lookback, @tokens, @created)",
            new { id = run.Id.ToString(), asOf = Date(run.AsOf), lookback = run.LookbackDays, tokens = run.TokensJson, created = database.InstantParameter(run.CreatedAt) },
            cancellationToken: ct));
    }

    public async Task<OptimizerRun?> FindRunAsync(Guid runId, CancellationToken ct)
    {
        await using var c = await database.OpenConnectionAsync(ct);
        await using var r = await c.ExecuteReaderAsync(new CommandDefinition(
            "SELECT run_id, as_of, lookback_days, tokens, created_at FROM wallet_optimizer_runs WHERE run_id = @id", new { id = runId.ToString() }, cancellationToken: ct));
        return await r.ReadAsync(ct)
            ? new OptimizerRun(Guid.Parse(r.GetString(0)), r.GetFieldValue<DateOnly>(1), r.GetInt32(2), r.GetString(3), database.ReadInstant(r, 4))
            : null;
    }

    public async Task SaveSnapshotsAsync(IReadOnlyList<AllocationSnapshot> snapshots, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        if (snapshots.Count == 0)
        {
            return;
        }

        await using var c = await database.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);

        // One prepared statement for the whole chunk, its parameters re-bound per row.
        await using var insert = c.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO wallet_allocation_snapshots (id, run_id, address, as_of, mode, action, value_cents, current_weights, target_weights, orders, decision, reasoning, created_at) " +
                             "VALUES (@id, @run, @address, @asOf, @mode, @action, @value, @current, @target, @orders, @decision, @reasoning, @created)";
        var p = SnapshotParameters.Select(name =>
            {
                var parameter = insert.CreateParameter();
                parameter.ParameterName = name;
                insert.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
        foreach (var s in snapshots)
        {
            p[0].Value = s.Id.ToString();
            p[1].Value = s.RunId.ToString();
            p[2].Value = s.Address;
            p[3].Value = Date(s.AsOf);
            p[4].Value = s.Mode;
            p[5].Value = s.Action;
            p[6].Value = RoundingPolicy.ToScaled(RoundingPolicy.CentsDown(s.Value), Currency.Usd.Scale);
            p[7].Value = JsonSerializer.Serialize(s.CurrentWeights);
            p[8].Value = JsonSerializer.Serialize(s.TargetWeights);
            p[9].Value = JsonSerializer.Serialize(s.Orders, Json);
            p[10].Value = s.DecisionJson;
            p[11].Value = s.Reasoning;
            p[12].Value = database.InstantParameter(s.CreatedAt);
            await insert.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<AllocationSnapshot>> SnapshotsAsync(string address, int limit, CancellationToken ct)
    {
        await using var c = await database.OpenConnectionAsync(ct);
        await using var r = await c.ExecuteReaderAsync(new CommandDefinition(
            "SELECT id, run_id, address, as_of, mode, action, value_cents, current_weights, target_weights, orders, decision, reasoning, created_at " +
            "FROM wallet_allocation_snapshots WHERE address = @address ORDER BY created_at DESC, id DESC LIMIT " + limit.ToString(CultureInfo.InvariantCulture),
            new { address }, cancellationToken: ct));
        var list = new List<AllocationSnapshot>();
        while (await r.ReadAsync(ct))
        {
            list.Add(new AllocationSnapshot(
                Guid.Parse(r.GetString(0)),
                Guid.Parse(r.GetString(1)),
                r.GetString(2),
                r.GetFieldValue<DateOnly>(3),
                r.GetString(4),
                r.GetString(5),
                RoundingPolicy.FromScaled(r.GetInt64(6), Currency.Usd.Scale),
                Weights(r.GetString(7)),
                Weights(r.GetString(8)),
                JsonSerializer.Deserialize<List<RebalanceOrder>>(r.GetString(9), Json) ?? [],
                r.GetString(10),
                r.GetString(11),
                database.ReadInstant(r, 12)));
        }

        return list;
    }

    public async Task<IReadOnlyDictionary<string, DateOnly>> LastExecutedAsync(CancellationToken ct)
    {
        await using var c = await database.OpenConnectionAsync(ct);
        await using var r = await c.ExecuteReaderAsync(new CommandDefinition(
            "SELECT address, MAX(as_of) FROM wallet_allocation_snapshots WHERE action = 'executed' GROUP BY address", cancellationToken: ct));
        var map = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        while (await r.ReadAsync(ct))
        {
            map[r.GetString(0)] = r.GetFieldValue<DateOnly>(1);
        }

        return map;
    }

    public async Task AddProposalAsync(WalletProposal proposal, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        await using var c = await database.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE wallet_proposals SET status = 'Expired', decided_by = @by, decided_at = @at, decision_note = 'superseded by a newer proposal' WHERE address = @address AND status = 'Pending'",
            new { by = "wallet-optimizer", at = database.InstantParameter(proposal.CreatedAt), address = proposal.WalletAddress }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO wallet_proposals (id, address, as_of, created_at, expires_at, status, target_weights, orders, reasoning) " +
            "VALUES (@id, @address, @asOf, @created, @expires, @status, @target, @orders, @reasoning)",
            new
            {
                id = proposal.Id.ToString(),
                address = proposal.WalletAddress,
                asOf = Date(proposal.AsOf),
                created = database.InstantParameter(proposal.CreatedAt),
                expires = database.InstantParameter(proposal.ExpiresAt),
                status = proposal.Status.ToString(),
                target = JsonSerializer.Serialize(proposal.TargetWeights),
                orders = JsonSerializer.Serialize(proposal.Orders, Json),
                reasoning = proposal.Reasoning,
            }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    public async Task<WalletProposal?> FindProposalAsync(Guid id, CancellationToken ct)
    {
        var list = await QueryProposalsAsync("WHERE id = @id", new { id = id.ToString() }, ct);
        return list.Count == 0 ? null : list[0];
    }

    public Task<IReadOnlyList<WalletProposal>> ProposalsAsync(string? address, ProposalStatus? status, CancellationToken ct)
    {
        var where = new List<string>();
        if (address is not null)
        {
            where.Add("address = @address");
        }

        if (status is not null)
        {
            where.Add("status = @status");
        }

        return QueryProposalsAsync(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where), new { address, status = status?.ToString() }, ct);
    }

    public async Task<bool> TryDecideAsync(Guid id, ProposalStatus status, string decidedBy, DateTimeOffset at, string? note, CancellationToken ct)
    {
        await using var c = await database.OpenConnectionAsync(ct);
        var n = await c.ExecuteAsync(new CommandDefinition(
            "UPDATE wallet_proposals SET status = @status, decided_by = @by, decided_at = @at, decision_note = @note WHERE id = @id AND status = 'Pending'",
            new { status = status.ToString(), by = decidedBy, at = database.InstantParameter(at), note, id = id.ToString() }, cancellationToken: ct));
        return n == 1;
    }

    private async Task<IReadOnlyList<WalletProposal>> QueryProposalsAsync(string where, object args, CancellationToken ct)
    {
        await using var c = await database.OpenConnectionAsync(ct);
        await using DbDataReader r = await c.ExecuteReaderAsync(new CommandDefinition(
            "SELECT id, address, as_of, created_at, expires_at, status, target_weights, orders, reasoning, decided_by, decided_at, decision_note FROM wallet_proposals " +
            where + " ORDER BY created_at, id", args, cancellationToken: ct));
        var list = new List<WalletProposal>();
        while (await r.ReadAsync(ct))
        {
            list.Add(new WalletProposal(
                Guid.Parse(r.GetString(0)),
                r.GetString(1),
                r.GetFieldValue<DateOnly>(2),
                database.ReadInstant(r, 3),
                database.ReadInstant(r, 4),
                Weights(r.GetString(6)),
                JsonSerializer.Deserialize<List<RebalanceOrder>>(r.GetString(7), Json) ?? [],
                r.GetString(8),
                Enum.Parse<ProposalStatus>(r.GetString(5)),
                r.IsDBNull(9) ? null : r.GetString(9),
                r.IsDBNull(10) ? null : database.ReadInstant(r, 10),
                r.IsDBNull(11) ? null : r.GetString(11)));
        }

        return list;
    }

    private static Dictionary<string, decimal> Weights(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, decimal>>(json) ?? [];

    private object Date(DateOnly date) =>
        database.Provider == DatabaseProvider.Sqlite ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date;
}
