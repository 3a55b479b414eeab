namespace TreasuryArena.Core.Backtesting;

/// <summary>One grid point's parameters with its in-sample score and, for the top points, its out-of-sample score.</summary>
public sealed record SweepPoint(IReadOnlyDictionary<string, string> Parameters, SweepScore InSample, SweepScore? OutOfSample);
