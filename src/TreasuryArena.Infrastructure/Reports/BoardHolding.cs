namespace TreasuryArena.Infrastructure.Reports;

/// <summary>A position at the quarter's close in a board report: the account, the token or asset, units, value (USD).</summary>
public sealed record BoardHolding(string Account, string Asset, decimal Units, decimal Value);
