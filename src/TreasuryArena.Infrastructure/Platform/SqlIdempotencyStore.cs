using System.Collections.Concurrent;
using Dapper;
using Npgsql;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Infrastructure.Platform;

/// <summary>
/// Stored responses of mutating requests by (caller scope, Idempotency-Key). A request first claims its key in this
/// process (a repeat while it runs is told so) after checking that no response is stored for it; when it completes,
/// its response is written by a group-commit writer (many requests' records in one durable transaction) and the
/// request waits for that commit before answering, so an acknowledged response is always stored. A first attempt
/// that fails releases its claim. Two instances on one database that get the same new key at the same moment may
/// both run it; the second to store its response gets the first one's back (<see cref="CompleteAsync"/>).
/// Records written by earlier versions in state <c>pending</c> are reported as still running.
/// A record lives for the idempotency window after it was stored: an older one is not found (the key is new again,
/// and its next response replaces the record), and every group commit also deletes up to twice its own number of
/// expired records, oldest first, so the table holds about one window of records.
/// </summary>
public sealed class SqlIdempotencyStore : IAsyncDisposable
{
    private const int MaxBatch = 1024;
    private readonly PlatformDatabase _database;
    private readonly TimeProvider _time;
    private readonly long _windowTicks;
    private readonly ConcurrentDictionary<(string Scope, string Key), string> _running = new();
    private readonly GroupCommitWriter<Completion, bool> _writer;
    private long _purgeNotBefore;

    /// <summary>A store whose records live for <see cref="Core.Ledger.IdempotencyMemory.DefaultWindow"/>.</summary>
    public SqlIdempotencyStore(PlatformDatabase database)
        : this(database, database.Arena.Time, Core.Ledger.IdempotencyMemory.DefaultWindow)
    {
    }

    public SqlIdempotencyStore(PlatformDatabase database, TimeProvider time, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _database = database;
        _time = time;
        _windowTicks = window.Ticks;
        _writer = new GroupCommitWriter<Completion, bool>(WriteBatchAsync, MaxBatch);
    }

    /// <summary>Number of group commits done by this instance.</summary>
    public long Commits => _writer.Batches;

    /// <summary>Null when the key is now claimed by the caller; else what a repeat finds (still running, or the stored response).</summary>
    public async Task<IdempotencyRecord?> TryClaimAsync(string scope, string key, string requestHash, CancellationToken ct)
    {
        if (!_running.TryAdd((scope, key), requestHash))
        {
            return _running.TryGetValue((scope, key), out var hash) ? new IdempotencyRecord(hash, false, 0, null, null) : await FindAsync(scope, key, ct) ?? new IdempotencyRecord(requestHash, false, 0, null, null);
        }

        // Claimed first, then looked up: a request that completed meanwhile stored its record before releasing its claim.
        try
        {
            var stored = await FindAsync(scope, key, ct);
            if (stored is not null)
            {
                _running.TryRemove((scope, key), out _);
            }

            return stored;
        }
        catch
        {
            _running.TryRemove((scope, key), out _);
            throw;
        }
    }

    /// <summary>
    /// Stores the response durably (group commit) and releases the claim. Null when stored; the record found instead
    /// when another instance stored one for the same key first.
    /// </summary>
    public async Task<IdempotencyRecord?> CompleteAsync(string scope, string key, string requestHash, DateTimeOffset at, int statusCode, string? contentType, string body, CancellationToken ct)
    {
        try
        {
            var stored = await _writer.WriteAsync(new Completion(scope, key, requestHash, Ticks.From(at), statusCode, contentType, body), ct);
            return stored ? null : await FindAsync(scope, key, ct);
        }
        finally
        {
            _running.TryRemove((scope, key), out _);
        }
    }

    /// <summary>Forgets a claim whose request failed unexpectedly, so the client may retry with the same key.</summary>
    public void Release(string scope, string key) => _running.TryRemove((scope, key), out _);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private async Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken ct)
    {
        await using var c = await _database.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT request_hash, state, status_code, content_type, body FROM idempotency_keys WHERE scope = @Scope AND idem_key = @Key AND created_at > @Cutoff",
            new { Scope = scope, Key = key, Cutoff = Cutoff() }, cancellationToken: ct));
        return row is null ? null : new IdempotencyRecord(row.request_hash, row.state == "done", (int)(row.status_code ?? 0), row.content_type, row.body);
    }

    /// <summary>Records created at or before this instant (UTC ticks) have expired.</summary>
    private long Cutoff() => _time.GetUtcNow().UtcTicks - _windowTicks;

    private async Task<IReadOnlyList<bool>> WriteBatchAsync(IReadOnlyList<Completion> batch)
    {
        // A new record, or one replacing an expired record of the same key; a live record of the key is kept.
        const string upsert = "ON CONFLICT (scope, idem_key) DO UPDATE SET request_hash = excluded.request_hash, state = excluded.state, " +
                              "status_code = excluded.status_code, content_type = excluded.content_type, body = excluded.body, created_at = excluded.created_at " +
                              "WHERE idempotency_keys.created_at <= @Cutoff";
        const string sql = "INSERT INTO idempotency_keys (scope, idem_key, request_hash, state, status_code, content_type, body, created_at) " +
                           "VALUES (@Scope, @Key, @RequestHash, 'done', @StatusCode, @ContentType, @Body, @CreatedAt) " + upsert;
        const string purge = "DELETE FROM idempotency_keys WHERE (scope, idem_key) IN " +
                             "(SELECT scope, idem_key FROM idempotency_keys WHERE created_at <= @Cutoff ORDER BY created_at LIMIT @Limit)";
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var c = await _database.OpenAsync(CancellationToken.None);
                using var turn = await _database.Arena.WriteTurnAsync(CancellationToken.None);
                await using var tx = await PlatformDatabase.BeginWriteAsync(c, CancellationToken.None);
                var cutoff = Cutoff();
                var stored = new bool[batch.Count];
                if (c is NpgsqlConnection)
                {
                    // One round trip: the keys actually inserted come back.
                    var inserted = (await c.QueryAsync<(string Scope, string Key)>(
                        "INSERT INTO idempotency_keys (scope, idem_key, request_hash, state, status_code, content_type, body, created_at) " +
                        "SELECT s, k, h, 'done', st, ct, b, at FROM unnest(@S, @K, @H, @St, @Ct, @B, @At) AS t(s, k, h, st, ct, b, at) " +
                        upsert + " RETURNING scope, idem_key",
                        new
                        {
                            Cutoff = cutoff,
                            S = batch.Select(b => b.Scope).ToArray(),
                            K = batch.Select(b => b.Key).ToArray(),
                            H = batch.Select(b => b.RequestHash).ToArray(),
                            St = batch.Select(b => b.StatusCode).ToArray(),
                            Ct = batch.Select(b => b.ContentType).ToArray(),
                            B = batch.Select(b => b.Body).ToArray(),
                            At = batch.Select(b => b.CreatedAt).ToArray(),
                        },
                        tx)).ToHashSet();
                    for (var i = 0; i < batch.Count; i++)
                    {
                        stored[i] = inserted.Contains((batch[i].Scope, batch[i].Key));
                    }
                }
                else
                {
                    for (var i = 0; i < batch.Count; i++)
                    {
                        var b = batch[i];
                        stored[i] = await c.ExecuteAsync(sql, new { b.Scope, b.Key, b.RequestHash, b.StatusCode, b.ContentType, b.Body, b.CreatedAt, Cutoff = cutoff }, tx) == 1;
                    }
                }

                // Expired records go in the same commit, at most twice as many as this batch added (so the purge keeps
                // pace with any rate); when there were fewer, the next look is a second later.
                var now = cutoff + _windowTicks;
                if (now >= Interlocked.Read(ref _purgeNotBefore))
                {
                    var limit = (2 * batch.Count) + 64;
                    var deleted = await c.ExecuteAsync(purge, new { Cutoff = cutoff, Limit = (long)limit }, tx);
                    if (deleted < limit)
                    {
                        Interlocked.Exchange(ref _purgeNotBefore, now + TimeSpan.TicksPerSecond);
                    }
                }

                await tx.CommitAsync();
                return stored;
            }
            catch (Exception) when (attempt < 5)
            {
                await Task.Delay(10 * (attempt + 1));
            }
        }
    }

    private sealed record Completion(string Scope, string Key, string RequestHash, long CreatedAt, long StatusCode, string? ContentType, string Body);

#pragma warning disable CA1812, IDE1006 // Instantiated by Dapper; column names are snake_case.
    private sealed class Row
    {
        public string request_hash { get; set; } = "";
        public string state { get; set; } = "";
        public long? status_code { get; set; }
        public string? content_type { get; set; }
        public string? body { get; set; }
    }
#pragma warning restore CA1812, IDE1006
}
