namespace TreasuryArena.Core.Intelligence;

/// <summary>One reason to rebalance now. <paramref name="Code"/> is stable (e.g. <c>mvrv_rung</c>, <c>drift</c>, <c>btc_crash_24h</c>, <c>exploit</c>).</summary>
public sealed record RebalanceTrigger(TriggerKind Kind, string Code, string Message);
