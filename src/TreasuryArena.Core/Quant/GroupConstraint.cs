namespace TreasuryArena.Core.Quant;

/// <summary>A sector or group cap: Min ≤ Σ_{i ∈ Members} w_i ≤ Max (member indices into the asset list).</summary>
public sealed record GroupConstraint(string Name, IReadOnlyList<int> Members, double Max, double Min = 0);
