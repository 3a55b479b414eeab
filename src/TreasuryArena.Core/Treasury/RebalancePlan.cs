using TreasuryArena.Core.Advice;

namespace TreasuryArena.Core.Treasury;

/// <summary>A rebalancing plan: the valuation and targets it started from, the proposed orders (already within the
/// limits) and any cuts the limits made while planning.</summary>
public sealed record RebalancePlan(TreasuryValuation Valuation, TreasuryTargets Targets, RebalanceProposal Proposal, IReadOnlyList<GuardrailIntervention> Interventions);
