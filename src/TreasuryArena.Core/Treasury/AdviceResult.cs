using TreasuryArena.Core.Advice;

namespace TreasuryArena.Core.Treasury;

/// <summary>The outcome of one advisor round: the triggers and plan shown, the decision, what the guardrails let
/// through, and the journal entry. <see cref="Fills"/> are the fills posted by this run: an earlier decision's queued
/// orders settled at their next bar; <see cref="Queued"/> the orders this decision queued for the next bar.</summary>
public sealed record AdviceResult(
    TreasuryStatus Status,
    IReadOnlyList<string> Triggers,
    RebalancePlan Plan,
    Decision Decision,
    GuardrailOutcome Guarded,
    JournalEntry Entry,
    IReadOnlyList<Fill> Fills)
{
    public PendingOrders? Queued { get; init; }
}
