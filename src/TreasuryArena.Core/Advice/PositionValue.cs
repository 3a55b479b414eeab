namespace TreasuryArena.Core.Advice;

/// <summary>One position's market value in USD, as the guardrails see it.</summary>
public sealed record PositionValue(string Asset, string Venue, AssetClass AssetClass, decimal Value);
