namespace TreasuryArena.Core.Treasury;

/// <summary>Keeps the treasury's <see cref="TreasuryState"/> (SQLite/PostgreSQL in Infrastructure).</summary>
public interface ITreasuryStateStore
{
    Task<TreasuryState?> LoadAsync(CancellationToken cancellationToken);

    Task SaveAsync(TreasuryState state, CancellationToken cancellationToken);
}
