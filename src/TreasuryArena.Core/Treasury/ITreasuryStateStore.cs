namespace TreasuryArena.Core.Treasury;

/// <summary>Keeps the treasury's <see cref="TreasuryState"/> and <see cref="TreasuryMemory"/> (SQLite/PostgreSQL in Infrastructure).</summary>
public interface ITreasuryStateStore
{
    Task<TreasuryState?> LoadAsync(CancellationToken cancellationToken);

    Task SaveAsync(TreasuryState state, CancellationToken cancellationToken);

    /// <summary>The ladder and the queued orders, or null when none were saved yet.</summary>
    Task<TreasuryMemory?> LoadMemoryAsync(CancellationToken cancellationToken);

    Task SaveMemoryAsync(TreasuryMemory memory, CancellationToken cancellationToken);
}
