using TreasuryArena.Core.Identity;

namespace TreasuryArena.Server.Auth;

/// <summary>
/// The web side of <see cref="SessionService"/>: starts a session at sign-in (and sweeps expired ones, at most once per
/// <see cref="SessionService.TouchInterval"/>), resolves a cookie's session to its API key through
/// <see cref="SessionCache"/> (refusing, and ending, an idle or expired one), and ends one at logout.
/// </summary>
public sealed class SessionAuthenticator(SessionService sessions, SessionCache cache, TimeProvider time)
{
    /// <summary>Longer cookie values are not ours (an id is 43 characters).</summary>
    private const int MaxIdLength = 64;
    private long _lastSweepTicks;

    public TimeSpan AbsoluteTimeout => sessions.Options.AbsoluteTimeout;

    public async Task<StartedSession> StartAsync(Caller caller, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastSweepTicks);
        if (now - last >= SessionService.TouchInterval.Ticks && Interlocked.CompareExchange(ref _lastSweepTicks, now, last) == last)
        {
            await sessions.SweepAsync(ct);
        }

        return await sessions.StartAsync(caller, ct);
    }

    /// <summary>The API key a valid session signed in with, or null (unknown, ended, idle or past its absolute expiry).</summary>
    public async Task<Guid?> ResolveAsync(string sessionId, CancellationToken ct)
    {
        if (sessionId.Length > MaxIdLength)
        {
            return null;
        }

        var hash = SessionService.Hash(sessionId);
        if (!cache.TryGet(hash, out var entry))
        {
            var generation = cache.Generation;
            entry = cache.Set(hash, await sessions.FindAsync(hash, ct), generation);
        }

        if (entry.Session is not { } session)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (sessions.Refusal(session, entry.LastUse, now) is { } reason)
        {
            if (session.EndedAt is null)
            {
                await sessions.EndAsync(hash, reason, ct);
                cache.Remove(hash);
            }

            return null;
        }

        if (entry.Use(now, SessionService.TouchInterval))
        {
            await sessions.TouchAsync(hash, now, ct);
        }

        return session.KeyId;
    }

    /// <summary>Ends a session at once (logout): it never authenticates again in this process, and in others within <see cref="SessionCache.Ttl"/>.</summary>
    public async Task EndAsync(string sessionId, CancellationToken ct)
    {
        if (sessionId.Length > MaxIdLength)
        {
            return;
        }

        var hash = SessionService.Hash(sessionId);
        await sessions.EndAsync(hash, SessionEndReason.Logout, ct);
        cache.Remove(hash);
    }
}
