namespace TreasuryArena.Core.Intelligence;

/// <summary>A DeFi pool's current yield (DefiLlama <c>/pools</c>). APYs are fractions (0.045 = 4.5%).</summary>
public sealed record PoolYield(string Pool, string Chain, string Project, string Symbol, double TvlUsd, double Apy, double? ApyBase, double? ApyReward, bool Stablecoin);
