namespace TreasuryArena.Core.Advice;

/// <summary>The decision journal port (SQLite/PostgreSQL in Infrastructure).</summary>
public interface IDecisionJournal
{
    /// <summary>Stores an entry and returns its id.</summary>
    Task<long> AppendAsync(JournalEntry entry, CancellationToken cancellationToken);

    /// <summary>The newest entries first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<JournalEntry>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Entries decided on or before <paramref name="decidedOnOrBefore"/> that have no outcome yet, oldest first.</summary>
    Task<IReadOnlyList<JournalEntry>> PendingOutcomesAsync(DateOnly decidedOnOrBefore, CancellationToken cancellationToken);

    Task RecordOutcomeAsync(long id, DecisionOutcome outcome, CancellationToken cancellationToken);

    /// <summary>Records the fills of entry <paramref name="id"/>'s queued orders (at the next bar); with any fill the entry is executed.</summary>
    Task RecordFillsAsync(long id, IReadOnlyList<JournalFill> fills, CancellationToken cancellationToken);

    /// <summary>The latest daily analysis or emergency assessment journaled for the as-of date <paramref name="asOf"/>, or null.</summary>
    Task<JournalEntry?> DailyDecisionOnAsync(DateOnly asOf, CancellationToken cancellationToken);
}
