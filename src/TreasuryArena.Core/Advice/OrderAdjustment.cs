namespace TreasuryArena.Core.Advice;

/// <summary>Scale one asset's proposed order by <paramref name="Scale"/> (0 = drop it, 1 = keep it whole).
/// A scale above 1 would widen the proposal; guardrails cut it back to 1 and record the attempt.</summary>
public sealed record OrderAdjustment(string Asset, decimal Scale);
