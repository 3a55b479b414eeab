namespace TreasuryArena.Core.Evaluation;

/// <summary>A journaled treasury decision that traded, with its measured outcome (the journal's own evaluation).</summary>
public sealed record TreasuryCall(DateOnly Date, string Action, string Reasoning, string? Outcome);
