namespace TreasuryArena.Server.Contracts;

/// <summary>A token's fee schedule (fractions: 0.01 = 1%).</summary>
public sealed record TokenFeesResponse(decimal TradeFeeRate, decimal ManagementFeeRate, decimal PerformanceFeeRate, string Crystallisation, DateOnly LastFeeDate);
