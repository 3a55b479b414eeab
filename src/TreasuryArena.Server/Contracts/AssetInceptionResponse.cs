namespace TreasuryArena.Server.Contracts;

/// <summary>One asset's inception: its first liquid trading day, the first date of its price history and why.</summary>
public sealed record AssetInceptionResponse(string Asset, DateOnly Inception, DateOnly FirstData, string Reason);
