namespace TreasuryArena.Core.Advice;

/// <summary>
/// One cut the guardrails made: which rule, on which asset, the notional asked for and the notional allowed.
/// Rules: <c>widening</c>, <c>compliance_hold</c>, <c>position_size</c>, <c>min_diversification</c>, <c>max_turnover</c>,
/// <c>cash</c>, <c>drawdown_breaker</c>, <c>max_asset_weight</c>, <c>max_volatile_share</c>.
/// </summary>
public sealed record GuardrailIntervention(string Rule, string Asset, decimal Requested, decimal Allowed, string Reason);
