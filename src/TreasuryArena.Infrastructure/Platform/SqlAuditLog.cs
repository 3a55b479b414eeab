using Dapper;
using Npgsql;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Infrastructure.Platform;

/// <summary>
/// The audit chain in the platform database, written by one writer that commits queued entries in batches (group
/// commit): each batch is one transaction that reads the chain head, links the entries and inserts them.
/// Writers in other processes are serialised by the transaction (BEGIN IMMEDIATE on SQLite, an advisory
/// transaction lock on PostgreSQL), so several server instances extend one chain.
/// </summary>
public sealed class SqlAuditLog : IAuditLog, IAsyncDisposable
{
    private const long AdvisoryLockKey = 0x41524E4100000400; // "ARNA" + 0400
    private const int MaxBatch = 512;

    private readonly PlatformDatabase _database;
    private readonly TimeProvider _time;
    private readonly GroupCommitWriter<AuditRecord, AuditEntry> _writer;

    public SqlAuditLog(PlatformDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
        _writer = new GroupCommitWriter<AuditRecord, AuditEntry>(WriteBatchAsync, MaxBatch);
    }

    /// <summary>Number of group commits done by this instance.</summary>
    public long Commits => _writer.Batches;

    public Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        // A refused request's subject may be whatever the caller sent (a wallet address with a NUL, an escape sequence):
        // stored as shown by the free-text policy, so PostgreSQL (which refuses NUL in text) and terminals reading the
        // chain get no raw control character. The detail is JSON, whose serializer escapes them already.
        return _writer.WriteAsync(record with { Actor = FreeText.ForDisplay(record.Actor), Action = FreeText.ForDisplay(record.Action), Subject = FreeText.ForDisplay(record.Subject) }, ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(long afterSequence, int limit, CancellationToken ct)
    {
        await using var c = await _database.OpenAsync(ct);
        var rows = await c.QueryAsync<Row>(new CommandDefinition(
            "SELECT * FROM audit_log WHERE seq > @After ORDER BY seq LIMIT @Limit", new { After = afterSequence, Limit = (long)limit }, cancellationToken: ct));
        return rows.Select(r => r.ToDomain()).ToList();
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        var verifier = new AuditChainVerifier();
        long after = 0;
        while (true)
        {
            var page = await ReadAsync(after, 5000, ct);
            foreach (var e in page)
            {
                if (!verifier.Add(e))
                {
                    return verifier.Result;
                }
            }

            if (page.Count < 5000)
            {
                return verifier.Result;
            }

            after = page[^1].Sequence;
        }
    }

    private async Task<IReadOnlyList<AuditEntry>> WriteBatchAsync(IReadOnlyList<AuditRecord> batch)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var c = await _database.OpenAsync(CancellationToken.None);
                using var turn = await _database.Arena.WriteTurnAsync(CancellationToken.None);
                await using var tx = await PlatformDatabase.BeginWriteAsync(c, CancellationToken.None);
                if (c is NpgsqlConnection)
                {
                    await c.ExecuteAsync("SELECT pg_advisory_xact_lock(@Key)", new { Key = AdvisoryLockKey }, tx);
                }

                var head = await c.QueryFirstOrDefaultAsync<HeadRow>("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", transaction: tx);
                var seq = head?.seq ?? 0;
                var previous = head?.hash ?? AuditChain.Genesis;
                var now = _time.GetUtcNow();
                var entries = new List<AuditEntry>(batch.Count);
                foreach (var record in batch)
                {
                    var entry = AuditChain.Link(++seq, now, record, previous);
                    previous = entry.Hash;
                    entries.Add(entry);
                }

                await c.ExecuteAsync(
                    "INSERT INTO audit_log (seq, at, actor, action, subject, outcome, detail, prev_hash, hash) VALUES (@Sequence, @AtTicks, @Actor, @Action, @Subject, @OutcomeText, @Detail, @PreviousHash, @Hash)",
                    entries.Select(e => new { e.Sequence, AtTicks = e.At.UtcTicks, e.Actor, e.Action, e.Subject, OutcomeText = Ticks.Lower(e.Outcome), e.Detail, e.PreviousHash, e.Hash }),
                    tx);
                await tx.CommitAsync();
                return entries;
            }
            catch (Exception) when (attempt < 5)
            {
                await Task.Delay(10 * (attempt + 1));
            }
        }
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

#pragma warning disable CA1812, IDE1006 // Instantiated by Dapper; column names are snake_case.
    private sealed class HeadRow
    {
        public long seq { get; set; }
        public string hash { get; set; } = "";
    }

    private sealed class Row
    {
        public long seq { get; set; }
        public long at { get; set; }
        public string actor { get; set; } = "";
        public string action { get; set; } = "";
        public string subject { get; set; } = "";
        public string outcome { get; set; } = "";
        public string detail { get; set; } = "";
        public string prev_hash { get; set; } = "";
        public string hash { get; set; } = "";

        public AuditEntry ToDomain() => new(seq, Ticks.To(at), actor, action, subject, Ticks.Parse<AuditOutcome>(outcome), detail, prev_hash, hash);
    }
#pragma warning restore CA1812, IDE1006
}
