namespace TreasuryArena.Core.Advice;

/// <summary>The orders that may execute after the advisor and the guardrails, and every cut that was made.</summary>
public sealed record GuardrailOutcome(IReadOnlyList<TradeOrder> Orders, IReadOnlyList<GuardrailIntervention> Interventions)
{
    /// <summary>Whether the advisor tried to widen the proposal (always cut back).</summary>
    public bool WideningAttempted => Interventions.Any(i => i.Rule == Guardrails.Widening);
}
