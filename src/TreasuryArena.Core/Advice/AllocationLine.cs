namespace TreasuryArena.Core.Advice;

/// <summary>One asset's current and target weight.</summary>
public sealed record AllocationLine(string Asset, AssetClass AssetClass, decimal Value, decimal CurrentWeight, decimal TargetWeight);
