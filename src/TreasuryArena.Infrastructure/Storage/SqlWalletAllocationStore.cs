using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using TreasuryArena.Core.Wallets.Optimization;
using TreasuryArena.Core.Wallets.Proposals;

namespace TreasuryArena.Infrastructure.Storage;

/// <summary>Allocation snapshots and HYBRID proposals (migration 0300) in SQLite or PostgreSQL.</summary>
public sealed class SqlWalletAllocationStore(ArenaDatabase database) : IWalletAllocationStore
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task SaveSnapshotsAsync(IReadOnlyList<AllocationSnapshot> snapshots, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        if (snapshots.Count == 0)
        {
            return;
        }

        await using var c = await database.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        const string sql = "INSERT INTO wallet_allocation_snapshots (id, run_id, address, as_of, mode, action, value_cents, current_weights, target_weights, orders, decision, reasoning, created_at) " +
                           "VALUES (@id, @run, @address, @asOf, @mode, @action, @value, @current, @target, @orders, @decision, @reasoning, @created)";
        foreach (var s in snapshots)
        {
            await c.ExecuteAsync(new CommandDefinition(sql, new
            {
                id = s.Id.ToString(),
                run = s.RunId.ToString(),
                address = s.Address,
                asOf = Date(s.AsOf),
                mode = s.Mode,
                action = s.Action,
                value = (long)Math.Round(s.Value * 100m, MidpointRounding.ToZero),
                current = JsonSerializer.Serialize(s.CurrentWeights),
                target = JsonSerializer.Serialize(s.TargetWeights),
                orders = JsonSerializer.Serialize(s.Orders, Json),
                decision = s.DecisionJson,
                reasoning = s.Reasoning,
                created = database.InstantParameter(s.CreatedAt),
            }, tx, cancellationToken: ct));
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
                r.GetInt64(6) / 100m,
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
