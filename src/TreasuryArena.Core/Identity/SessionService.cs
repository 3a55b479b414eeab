using System.Security.Cryptography;

namespace TreasuryArena.Core.Identity;

/// <summary>
/// The dashboard's server-side sessions: a sign-in with an API key gets an opaque random id (256 bits from
/// <see cref="RandomNumberGenerator"/>, base64url) that is stored only as its SHA-256; a session authenticates as its
/// key, so the key's role, organisation and revocation apply. It ends at logout, when its key is revoked (the identity
/// store ends the key's sessions in the revoking transaction, whichever door revoked it), after
/// <see cref="SessionTimeoutOptions.IdleTimeout"/> without use and <see cref="SessionTimeoutOptions.AbsoluteTimeout"/> after sign-in.
/// </summary>
public sealed class SessionService(ISessionStore store, SessionTimeoutOptions options, TimeProvider time)
{
    /// <summary>Last use is written at most this often per session and process, so a busy session costs no write per request.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    public SessionTimeoutOptions Options { get; } = options;

    /// <summary>The SHA-256 (hex) under which a session id is stored.</summary>
    public static string Hash(string sessionId) => ApiKeySecret.Hash(sessionId);

    /// <summary>Starts a session for a caller authenticated by an API key.</summary>
    public async Task<StartedSession> StartAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.KeyId == Guid.Empty)
        {
            throw new ArgumentException("a session belongs to an API key", nameof(caller));
        }

        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        var id = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        var record = new SessionRecord(Hash(id), caller.KeyId, caller.MemberId, caller.OrganisationId, now, now, now + Options.AbsoluteTimeout, null, null);
        await store.AddAsync(record, ct);
        return new StartedSession(id, record);
    }

    /// <summary>
    /// Why the session can no longer authenticate at <paramref name="now"/> (its end reason, <see cref="SessionEndReason.Absolute"/>
    /// or <see cref="SessionEndReason.Idle"/>), or null while it is valid. <paramref name="lastUse"/> is the latest use known
    /// (the stored one, or a later one this process has not written yet).
    /// </summary>
    public string? Refusal(SessionRecord session, DateTimeOffset lastUse, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.EndedAt is not null)
        {
            return session.EndReason ?? SessionEndReason.Logout;
        }

        if (now >= session.ExpiresAt)
        {
            return SessionEndReason.Absolute;
        }

        return now - Max(lastUse, session.LastUsedAt) >= Options.IdleTimeout ? SessionEndReason.Idle : null;
    }

    public Task<SessionRecord?> FindAsync(string idHash, CancellationToken ct) => store.FindAsync(idHash, ct);

    public Task TouchAsync(string idHash, DateTimeOffset at, CancellationToken ct) => store.TouchAsync(idHash, at, ct);

    /// <summary>Ends a session now; false when it was unknown or had already ended.</summary>
    public Task<bool> EndAsync(string idHash, string reason, CancellationToken ct) => store.EndAsync(idHash, time.GetUtcNow(), reason, ct);

    /// <summary>
    /// Ends the sessions idle for longer than the timeout (allowing one <see cref="TouchInterval"/> for a use not yet
    /// written) and deletes the rows past their absolute expiry; returns how many rows were deleted.
    /// </summary>
    public Task<int> SweepAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return store.SweepAsync(now, now - Options.IdleTimeout - TouchInterval, ct);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
