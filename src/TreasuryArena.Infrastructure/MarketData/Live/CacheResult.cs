namespace TreasuryArena.Infrastructure.MarketData.Live;

/// <summary>What the cache could serve: a fresh value, the last good value marked stale (with the error), or nothing.</summary>
public sealed record CacheResult<T>(T? Value, DateTimeOffset? FetchedAt, bool Stale, string? Error)
    where T : class
{
    public bool HasValue => Value is not null;
}
