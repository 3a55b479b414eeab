namespace TreasuryArena.Core.Backtesting;

/// <summary>
/// A finished sweep: grid size, points skipped for invalid combinations, and per fold the top points in sample
/// with their out-of-sample scores. <see cref="OutOfSampleChained"/> is the walk-forward result: each fold's
/// best in-sample point run on its out-of-sample span.
/// </summary>
public sealed record SweepReport(string Strategy, long GridPoints, long Runs, long Skipped, string? FirstSkipReason, IReadOnlyList<SweepFold> Folds, IReadOnlyList<SweepScore> OutOfSampleChained);
