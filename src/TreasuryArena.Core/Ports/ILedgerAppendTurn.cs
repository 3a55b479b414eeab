using TreasuryArena.Core.Ledger;

namespace TreasuryArena.Core.Ports;

/// <summary>
/// One turn to append to a journal (from <see cref="ILedgerJournal.BeginAppendAsync"/>): it holds the journal's write
/// lock across processes (SQLite: an immediate transaction; PostgreSQL: the head row locked <c>FOR UPDATE</c>) from
/// the tail read to the commit, so a writer that catches up inside its turn validates against the real head.
/// Disposing a turn without a successful append writes nothing.
/// </summary>
public interface ILedgerAppendTurn : IAsyncDisposable
{
    /// <summary>What was committed after <paramref name="since"/> (an empty tail when it is still the head).</summary>
    Task<LedgerTail> ReadTailAsync(LedgerHead since, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="batch"/> atomically and durably if the journal's head is still <paramref name="expected"/>;
    /// otherwise writes nothing and returns <see cref="LedgerAppendOutcome.Conflict"/> with the head found. A turn
    /// appends at most once.
    /// </summary>
    Task<(LedgerAppendOutcome Outcome, LedgerHead Head)> AppendAsync(LedgerBatch batch, LedgerHead expected, CancellationToken cancellationToken);
}
