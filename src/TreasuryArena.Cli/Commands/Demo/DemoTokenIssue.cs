namespace TreasuryArena.Cli.Commands.Demo;

/// <summary>The stored backtest summary of one issued token.</summary>
internal sealed record DemoTokenIssue(string Symbol, string Strategy, decimal? BacktestTotalReturn, decimal? BacktestSharpe, decimal? BacktestMaxDrawdown);
