using System.Threading.Channels;
using Dapper;
using Npgsql;
using TreasuryArena.Core.Audit;

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
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public SqlAuditLog(PlatformDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
        _writer = Task.Run(WriteLoopAsync);
    }

    public Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var pending = new Pending(record, new TaskCompletionSource<AuditEntry>(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        return pending.Done.Task.WaitAsync(ct);
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

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var p))
            {
                batch.Add(p);
            }

            try
            {
                var entries = await WriteBatchAsync(batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(entries[i]);
                }
            }
#pragma warning disable CA1031 // The writer must survive any failure and report it to every waiting caller.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                foreach (var p in batch)
                {
                    p.Done.TrySetException(ex);
                }
            }

            batch.Clear();
        }
    }

    private async Task<List<AuditEntry>> WriteBatchAsync(List<Pending> batch)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var c = await _database.OpenAsync(CancellationToken.None);
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
                foreach (var p in batch)
                {
                    var entry = AuditChain.Link(++seq, now, p.Record, previous);
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

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private sealed record Pending(AuditRecord Record, TaskCompletionSource<AuditEntry> Done);

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
