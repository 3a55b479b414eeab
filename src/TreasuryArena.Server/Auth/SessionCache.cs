using System.Collections.Concurrent;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Server.Auth;

/// <summary>
/// Sessions read from the database, by the hash of their id, for <see cref="Ttl"/>: a busy session costs a hash and a
/// dictionary lookup per request, and its last use is kept here and written at most once per
/// <see cref="SessionService.TouchInterval"/>. A session ended through this instance (<see cref="Remove"/>) never
/// authenticates again here: the entry goes, and a lookup that read the database before the end and stores its answer
/// after it is dropped (generation check, as <see cref="CallerCache"/> does). A session ended by another process (its
/// logout on another instance; a key revoked by the CLI) stops working here when the entry expires, within
/// <see cref="Ttl"/>. Expiry reads the injected <see cref="TimeProvider"/>'s clock.
/// </summary>
public sealed class SessionCache(TimeProvider time)
{
    public static readonly TimeSpan Ttl = CallerCache.Ttl;
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>Taken before reading the database; pass it to <see cref="Set"/>.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string hash, out Entry entry)
    {
        if (_entries.TryGetValue(hash, out var e) && e.ReadTicks + Ttl.Ticks > time.GetUtcNow().UtcTicks)
        {
            entry = e;
            return true;
        }

        entry = null!;
        return false;
    }

    /// <summary>
    /// The session as read from the database (null: unknown), cached unless something was removed since
    /// <paramref name="generation"/>. A use this process saw and has not written yet is carried over from the previous entry.
    /// </summary>
    public Entry Set(string hash, SessionRecord? session, long generation)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var entry = new Entry(session, time.GetUtcNow().UtcTicks);
        if (session is not null && _entries.TryGetValue(hash, out var previous))
        {
            entry.CarryOver(previous);
        }

        _entries[hash] = entry;
        if (Generation != generation)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(hash, entry));
        }

        return entry;
    }

    /// <summary>After a session was ended through this instance: its entry goes, and lookups in flight are not cached.</summary>
    public void Remove(string hash)
    {
        Interlocked.Increment(ref _generation);
        _entries.TryRemove(hash, out _);
    }

    /// <summary>A session as read (null: unknown), when it was read, and this process's latest use and last write of it (UTC ticks).</summary>
    public sealed class Entry
    {
        private long _lastUse;
        private long _written;

        internal Entry(SessionRecord? session, long readTicks)
        {
            Session = session;
            ReadTicks = readTicks;
            _lastUse = _written = session?.LastUsedAt.UtcTicks ?? 0;
        }

        public SessionRecord? Session { get; }

        public long ReadTicks { get; }

        public DateTimeOffset LastUse => new(Interlocked.Read(ref _lastUse), TimeSpan.Zero);

        /// <summary>Records a use at <paramref name="now"/>; true when this caller should write it (the last write is
        /// at least <paramref name="interval"/> old, and no other request claimed the write).</summary>
        public bool Use(DateTimeOffset now, TimeSpan interval)
        {
            var ticks = now.UtcTicks;
            for (var seen = Interlocked.Read(ref _lastUse); seen < ticks; seen = Interlocked.Read(ref _lastUse))
            {
                if (Interlocked.CompareExchange(ref _lastUse, ticks, seen) == seen)
                {
                    break;
                }
            }

            var written = Interlocked.Read(ref _written);
            return ticks - written >= interval.Ticks && Interlocked.CompareExchange(ref _written, ticks, written) == written;
        }

        internal void CarryOver(Entry previous)
        {
            _lastUse = Math.Max(_lastUse, Interlocked.Read(ref previous._lastUse));
            _written = Math.Max(_written, Interlocked.Read(ref previous._written));
        }
    }
}
