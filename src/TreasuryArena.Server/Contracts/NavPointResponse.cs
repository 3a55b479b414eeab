namespace TreasuryArena.Server.Contracts;

/// <summary>One day of a token's NAV history: NAV per share after fees, drawdown from the high-water mark, rolling 90-day figures.</summary>
public sealed record NavPointResponse(DateOnly Date, decimal Nav, decimal DailyReturn, decimal Drawdown, decimal? Sharpe90, decimal? Volatility90, decimal ManagementFee, decimal PerformanceFee);
