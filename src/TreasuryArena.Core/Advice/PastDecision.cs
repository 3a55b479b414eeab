namespace TreasuryArena.Core.Advice;

/// <summary>
/// A recent journaled decision as the advisor sees it. <paramref name="TacticalDirection"/> is +1 when it raised the
/// volatile share, −1 when it lowered it and 0 when it did not trade. <paramref name="Right"/> is null until its outcome
/// is known.
/// </summary>
public sealed record PastDecision(
    DateOnly Date,
    DecisionKind Kind,
    DecisionAction Action,
    string Advisor,
    int Confidence,
    int TacticalDirection,
    bool? Right,
    string? Outcome);
