namespace TreasuryArena.Core.Evaluation;

/// <summary>
/// A journaled treasury decision that traded, with its measured outcome (the journal's own evaluation after its horizon):
/// <see cref="Difference"/> is the portfolio's value with the orders minus without them, USD (null before the horizon).
/// </summary>
public sealed record TreasuryCall(DateOnly Date, string Action, string Reasoning, string? Outcome, decimal? Difference);
