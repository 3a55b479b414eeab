namespace TreasuryArena.Core.Nav;

/// <summary>The lifecycle check's decision and the plain-language reason (recorded with the transition).</summary>
public sealed record LifecycleDecision(LifecycleAction Action, string Reason);
