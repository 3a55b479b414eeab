using TreasuryArena.Core.Advice;

namespace TreasuryArena.Core.Tests.Treasury;

internal sealed class InMemoryDecisionJournal : IDecisionJournal
{
    private readonly List<JournalEntry> _entries = [];

    public IReadOnlyList<JournalEntry> Entries => _entries;

    public Task<long> AppendAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        var id = _entries.Count + 1;
        _entries.Add(entry with { Id = id });
        return Task.FromResult((long)id);
    }

    public Task<IReadOnlyList<JournalEntry>> ListAsync(int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<JournalEntry>>(_entries.OrderByDescending(e => e.Id).Take(limit).ToList());

    public Task<IReadOnlyList<JournalEntry>> PendingOutcomesAsync(DateOnly decidedOnOrBefore, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<JournalEntry>>(_entries.Where(e => e.Outcome is null && e.AsOf <= decidedOnOrBefore && e.Decision.Kind != DecisionKind.WeeklyReview).ToList());

    public Task RecordOutcomeAsync(long id, DecisionOutcome outcome, CancellationToken cancellationToken)
    {
        var i = _entries.FindIndex(e => e.Id == id);
        _entries[i] = _entries[i] with { Outcome = outcome };
        return Task.CompletedTask;
    }

    public Task RecordFillsAsync(long id, IReadOnlyList<JournalFill> fills, CancellationToken cancellationToken)
    {
        var i = _entries.FindIndex(e => e.Id == id);
        _entries[i] = _entries[i] with { Fills = fills, Executed = fills.Count > 0 };
        return Task.CompletedTask;
    }

    public Task<JournalEntry?> DailyDecisionOnAsync(DateOnly asOf, CancellationToken cancellationToken) =>
        Task.FromResult(_entries.LastOrDefault(e => e.AsOf == asOf && e.Decision.Kind is DecisionKind.DailyAnalysis or DecisionKind.EmergencyAssessment));
}
