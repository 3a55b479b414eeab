namespace TreasuryArena.Server.Contracts;

/// <summary>One token's assets and fee rates in the revenue report.</summary>
public sealed record TokenRevenueLine(string Symbol, decimal GrossAssetValue, decimal TradeFeeRate, decimal ManagementFeeRate, decimal PerformanceFeeRate);
