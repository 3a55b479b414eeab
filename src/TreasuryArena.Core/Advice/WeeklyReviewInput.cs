namespace TreasuryArena.Core.Advice;

/// <summary>
/// What the weekly review is about: the period, the treasury's return against its benchmarks over it, and each
/// advisor's scorecard from the journal.
/// </summary>
public sealed record WeeklyReviewInput(
    DateOnly From,
    DateOnly To,
    decimal TreasuryValue,
    double? TreasuryReturn,
    double? Static6040Return,
    double? BtcBuyAndHoldReturn,
    IReadOnlyList<AdvisorScorecard> Scorecards);
