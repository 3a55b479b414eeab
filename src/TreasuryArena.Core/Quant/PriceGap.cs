namespace TreasuryArena.Core.Quant;

/// <summary>An interior run of missing prices of one asset (between its first and last price). Reported, never filled.</summary>
public sealed record PriceGap(string Asset, DateOnly From, DateOnly To, int MissingRows);
