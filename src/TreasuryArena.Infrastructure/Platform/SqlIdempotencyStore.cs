using Dapper;

namespace TreasuryArena.Infrastructure.Platform;

/// <summary>
/// Stored responses of mutating requests by (caller scope, Idempotency-Key). A request first claims its key
/// (state <c>pending</c>); the response is saved when it completes, and a repeat replays it.
/// </summary>
public sealed class SqlIdempotencyStore(PlatformDatabase database)
{
    public async Task<IdempotencyRecord?> TryClaimAsync(string scope, string key, string requestHash, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var n = await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO idempotency_keys (scope, idem_key, request_hash, state, created_at) VALUES (@Scope, @Key, @Hash, 'pending', @At) ON CONFLICT (scope, idem_key) DO NOTHING",
            new { Scope = scope, Key = key, Hash = requestHash, At = Ticks.From(at) },
            cancellationToken: ct));
        if (n == 1)
        {
            return null;
        }

        var row = await c.QuerySingleAsync<Row>(new CommandDefinition(
            "SELECT * FROM idempotency_keys WHERE scope = @Scope AND idem_key = @Key", new { Scope = scope, Key = key }, cancellationToken: ct));
        return new IdempotencyRecord(row.request_hash, row.state == "done", (int)(row.status_code ?? 0), row.content_type, row.body);
    }

    public async Task CompleteAsync(string scope, string key, int statusCode, string? contentType, string body, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE idempotency_keys SET state = 'done', status_code = @Status, content_type = @ContentType, body = @Body WHERE scope = @Scope AND idem_key = @Key",
            new { Scope = scope, Key = key, Status = (long)statusCode, ContentType = contentType, Body = body },
            cancellationToken: ct));
    }

    /// <summary>Forgets a claim whose request failed unexpectedly, so the client may retry with the same key.</summary>
    public async Task ReleaseAsync(string scope, string key, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "DELETE FROM idempotency_keys WHERE scope = @Scope AND idem_key = @Key AND state = 'pending'", new { Scope = scope, Key = key }, cancellationToken: ct));
    }

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
