namespace TreasuryArena.Core.Quant;

/// <summary>One linear constraint row aᵀx (= or ≤) b, with a name used in error messages.</summary>
public sealed record LinearRow(double[] A, double B, string Name);
