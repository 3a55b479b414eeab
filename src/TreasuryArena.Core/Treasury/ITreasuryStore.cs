namespace TreasuryArena.Core.Treasury;

/// <summary>Where the treasury's holdings and fills are kept (SQLite/PostgreSQL in Infrastructure).</summary>
public interface ITreasuryStore
{
    /// <summary>The stored treasury, or null when none has been saved yet.</summary>
    Task<TreasuryPortfolio?> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Saves the portfolio and appends the fills that produced it, atomically.</summary>
    Task SaveAsync(TreasuryPortfolio portfolio, IReadOnlyList<Fill> fills, CancellationToken cancellationToken);
}
