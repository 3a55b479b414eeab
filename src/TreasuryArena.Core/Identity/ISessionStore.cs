namespace TreasuryArena.Core.Identity;

/// <summary>Port: the dashboard's sign-in sessions, by the hash of their id. Revoking a key ends its sessions in the identity store.</summary>
public interface ISessionStore
{
    Task AddAsync(SessionRecord session, CancellationToken ct);

    Task<SessionRecord?> FindAsync(string idHash, CancellationToken ct);

    /// <summary>Records a use (never moves last use backwards).</summary>
    Task TouchAsync(string idHash, DateTimeOffset at, CancellationToken ct);

    /// <summary>Ends a session that has not ended yet; false when it was unknown or had already ended.</summary>
    Task<bool> EndAsync(string idHash, DateTimeOffset at, string reason, CancellationToken ct);

    /// <summary>
    /// Ends the open sessions last used at or before <paramref name="idleBefore"/> (reason idle) and deletes the rows whose
    /// absolute expiry is at or before <paramref name="now"/>; returns how many rows it deleted.
    /// </summary>
    Task<int> SweepAsync(DateTimeOffset now, DateTimeOffset idleBefore, CancellationToken ct);
}
