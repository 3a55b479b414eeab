using TreasuryArena.Core.Advice;

namespace TreasuryArena.Core.Treasury;

/// <summary>The outcome of one advisor round: the triggers and plan shown, the decision, what the guardrails let
/// through, and the journal entry (with the fills when it executed).</summary>
public sealed record AdviceResult(
    TreasuryStatus Status,
    IReadOnlyList<string> Triggers,
    RebalancePlan Plan,
    Decision Decision,
    GuardrailOutcome Guarded,
    JournalEntry Entry,
    IReadOnlyList<Fill> Fills);
