namespace TreasuryArena.Core.Backtesting;

/// <summary>One in-sample / out-of-sample split and its best points (ranked by in-sample Sharpe).</summary>
public sealed record SweepFold(int Fold, DateOnly InSampleFrom, DateOnly InSampleTo, DateOnly OutOfSampleFrom, DateOnly OutOfSampleTo, IReadOnlyList<SweepPoint> Top);
