namespace TreasuryArena.Core.Treasury;

/// <summary>Where the treasury's holdings and fills are kept (<see cref="LedgerTreasuryStore"/>: in the ledger).</summary>
public interface ITreasuryStore
{
    /// <summary>The stored treasury, or null when none has been saved yet.</summary>
    Task<TreasuryPortfolio?> LoadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records the <paramref name="fills"/> that turned the stored treasury (or, for a new one, its capital) into
    /// <paramref name="portfolio"/>, then marks every position to <paramref name="marks"/>.
    /// </summary>
    Task SaveAsync(TreasuryPortfolio portfolio, IReadOnlyList<Fill> fills, TreasuryMarks marks, CancellationToken cancellationToken);

    /// <summary>The MVRV ladder and the orders queued for the next bar (<see cref="TreasuryMemory.Empty"/> when none saved).</summary>
    Task<TreasuryMemory> LoadMemoryAsync(CancellationToken cancellationToken);

    Task SaveMemoryAsync(TreasuryMemory memory, CancellationToken cancellationToken);
}
