namespace TreasuryArena.Core.Intelligence;

/// <summary>The phase decided, the clause that decided it, its evidence and what the rules could not see.</summary>
/// <param name="Phase">Exactly one phase.</param>
/// <param name="Rule">The deciding clause's name (<c>default</c> when no clause held).</param>
/// <param name="Evidence">The deciding clause's conditions with their values, then any corroborating clauses of the same phase.</param>
/// <param name="CorroboratingClauses">Other clauses of the same phase that also held.</param>
/// <param name="MissingInputs">Key indicators that were missing or too old to use.</param>
/// <param name="StaleInputs">Key indicators used although stale.</param>
/// <param name="Confidence">0..100, see <see cref="PhaseRules"/>.</param>
public sealed record PhaseAssessment(
    MarketPhase Phase,
    string Rule,
    IReadOnlyList<PhaseEvidence> Evidence,
    IReadOnlyList<string> CorroboratingClauses,
    IReadOnlyList<string> MissingInputs,
    IReadOnlyList<string> StaleInputs,
    int Confidence);
