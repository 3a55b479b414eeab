using TreasuryArena.Core.Advice;

namespace TreasuryArena.Core.Treasury;

/// <summary>The weekly review: the figures and scorecards, and the advisor's commentary.</summary>
public sealed record WeeklyReviewReport(WeeklyReviewInput Input, Decision Commentary, int OutcomesEvaluated);
