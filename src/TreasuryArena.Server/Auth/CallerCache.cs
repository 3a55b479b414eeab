using System.Collections.Concurrent;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Server.Auth;

/// <summary>
/// Resolved keys by hash for a few seconds, so a busy key is looked up once per TTL rather than per request.
/// A revocation through this instance takes effect at once; through another instance within the TTL.
/// </summary>
public sealed class CallerCache(TimeProvider time)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, (Caller? Caller, long Expires)> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string hash, out Caller? caller)
    {
        if (_entries.TryGetValue(hash, out var e) && e.Expires > time.GetTimestamp())
        {
            caller = e.Caller;
            return true;
        }

        caller = null;
        return false;
    }

    public void Set(string hash, Caller? caller)
    {
        if (_entries.Count > 100_000)
        {
            _entries.Clear();
        }

        _entries[hash] = (caller, time.GetTimestamp() + (long)(Ttl.TotalSeconds * time.TimestampFrequency));
    }

    public void Invalidate(Guid keyId)
    {
        foreach (var (hash, entry) in _entries)
        {
            if (entry.Caller?.KeyId == keyId)
            {
                _entries.TryRemove(hash, out _);
            }
        }
    }
}
