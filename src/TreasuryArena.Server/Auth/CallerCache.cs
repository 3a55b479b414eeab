using System.Collections.Concurrent;
using System.Security.Claims;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Server.Auth;

/// <summary>
/// Resolved API keys by hash for <see cref="Ttl"/>, each with the principal built once, so a busy key costs one hash and
/// one dictionary lookup per request rather than a database read and a new principal. A revocation through this
/// instance (<see cref="Invalidate"/>) takes effect for every request that starts after it: the entry is removed, and a
/// lookup that read the database before the revocation and stores its answer after it is dropped (generation check,
/// as <see cref="TreasuryArena.Infrastructure.Platform.ComplianceStandingCache"/> does). A revocation by another process
/// (the CLI, another instance) takes effect when the entry expires, within <see cref="Ttl"/>. Expiry reads the
/// injected <see cref="TimeProvider"/>'s clock.
/// </summary>
public sealed class CallerCache(TimeProvider time)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(5);
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>Taken before reading the database; pass it to <see cref="Set"/>.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string hash, out Entry entry)
    {
        if (_entries.TryGetValue(hash, out var e) && e.ExpiresTicks > time.GetUtcNow().UtcTicks)
        {
            entry = e;
            return true;
        }

        entry = null!;
        return false;
    }

    /// <summary>
    /// The entry for a key as read from the database (<paramref name="caller"/> null: unknown or revoked), cached unless
    /// something was invalidated since <paramref name="generation"/>.
    /// </summary>
    public Entry Set(string hash, Caller? caller, ClaimsPrincipal? principal, long generation)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var entry = new Entry(caller, principal, (time.GetUtcNow() + Ttl).UtcTicks);
        _entries[hash] = entry;
        if (Generation != generation)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(hash, entry));
        }

        return entry;
    }

    /// <summary>After a key was revoked through this instance: its entries go, and lookups in flight are not cached.</summary>
    public void Invalidate(Guid keyId)
    {
        Interlocked.Increment(ref _generation);
        foreach (var (hash, entry) in _entries)
        {
            if (entry.Caller?.KeyId == keyId)
            {
                _entries.TryRemove(hash, out _);
            }
        }
    }

    /// <summary>A resolved key: its caller and principal (both null for an unknown or revoked key) and when it expires (UTC ticks).</summary>
    public sealed record Entry(Caller? Caller, ClaimsPrincipal? Principal, long ExpiresTicks);
}
