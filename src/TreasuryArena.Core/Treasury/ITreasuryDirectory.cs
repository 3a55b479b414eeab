namespace TreasuryArena.Core.Treasury;

/// <summary>
/// The organisations' treasuries (table <c>treasuries</c>, migration 0500, in Infrastructure): registered ones, and each
/// opened as a <see cref="TreasuryScope"/> over its own state, memory, journal and ledger accounts.
/// </summary>
public interface ITreasuryDirectory
{
    /// <summary>The platform treasury as configured (<c>Treasury:Organisation</c>, <c>Treasury:InitialCapital</c>), registered or not.</summary>
    TreasuryAccount PlatformAccount(DateTimeOffset now);

    Task<TreasuryAccount?> FindAsync(Guid organisationId, CancellationToken cancellationToken);

    /// <summary>Registers <paramref name="account"/>; false when the organisation already has a treasury.</summary>
    Task<bool> TryAddAsync(TreasuryAccount account, CancellationToken cancellationToken);

    /// <summary>Every registered treasury, oldest first.</summary>
    Task<IReadOnlyList<TreasuryAccount>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The treasury's manager and journal (the same instance for the same organisation).</summary>
    TreasuryScope Open(TreasuryAccount account);
}
