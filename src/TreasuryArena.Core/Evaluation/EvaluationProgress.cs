namespace TreasuryArena.Core.Evaluation;

/// <summary>Where a running evaluation is: a stage and its steps done of total.</summary>
public sealed record EvaluationProgress(string Stage, int Done, int Total);
