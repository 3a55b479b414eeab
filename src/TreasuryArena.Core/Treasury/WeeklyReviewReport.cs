using TreasuryArena.Core.Advice;

namespace TreasuryArena.Core.Treasury;

/// <summary>The weekly review: the figures and scorecards, and the advisor's commentary.</summary>
public sealed record WeeklyReviewReport(WeeklyReviewInput Input, Decision Commentary, int OutcomesEvaluated)
{
    /// <summary>The journal entry holding the review (0 when unknown).</summary>
    public long JournalId { get; init; }

    /// <summary>True when the review of this ISO week was already journaled and this is that review again (nothing new written).</summary>
    public bool Repeated { get; init; }
}
