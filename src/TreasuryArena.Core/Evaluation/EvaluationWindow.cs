namespace TreasuryArena.Core.Evaluation;

/// <summary>The evaluated dates (inclusive).</summary>
public sealed record EvaluationWindow(DateOnly From, DateOnly To);
