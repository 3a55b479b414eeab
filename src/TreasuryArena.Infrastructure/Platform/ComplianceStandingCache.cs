using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Infrastructure.Platform;

/// <summary>
/// The compliance standing of organisations (status, current disclosure, attestation, halt) as last read, shared by
/// every store over one opened <see cref="ArenaDatabase"/>, so a trade does not read the database for it. Every write
/// through this process's stores invalidates it before returning (verification, rejection, a new disclosure, an
/// attestation, a halt), so in-process changes apply to the very next trade. A change made by another process on the
/// same database (the CLI's operator verbs, another server instance) is picked up when an entry expires, within
/// <see cref="Ttl"/>. A read that raced with an invalidation is not cached.
/// </summary>
public sealed class ComplianceStandingCache(TimeProvider time)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(1);
    private const int MaxEntries = 100_000;
    private static readonly ConditionalWeakTable<ArenaDatabase, ComplianceStandingCache> PerDatabase = [];

    private readonly ConcurrentDictionary<Guid, (ComplianceStanding Standing, long Expires)> _entries = new();
    private long _generation;

    /// <summary>The one cache of <paramref name="database"/> in this process.</summary>
    public static ComplianceStandingCache For(ArenaDatabase database) => PerDatabase.GetValue(database, _ => new ComplianceStandingCache(database.Time));

    /// <summary>Taken before reading the database; pass it to <see cref="Set"/>.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(Guid organisationId, out ComplianceStanding standing)
    {
        if (_entries.TryGetValue(organisationId, out var e) && e.Expires > time.GetTimestamp())
        {
            standing = e.Standing;
            return true;
        }

        standing = null!;
        return false;
    }

    /// <summary>Caches a standing read from the database, unless something was invalidated since <paramref name="generation"/>.</summary>
    public void Set(Guid organisationId, ComplianceStanding standing, long generation)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[organisationId] = (standing, time.GetTimestamp() + (long)(Ttl.TotalSeconds * time.TimestampFrequency));
        if (Generation != generation)
        {
            _entries.TryRemove(organisationId, out _);
        }
    }

    /// <summary>After a change to one organisation (status, attestation).</summary>
    public void Invalidate(Guid organisationId)
    {
        Interlocked.Increment(ref _generation);
        _entries.TryRemove(organisationId, out _);
    }

    /// <summary>After a change that concerns every organisation (a new disclosure, the halt flag).</summary>
    public void InvalidateAll()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }
}
