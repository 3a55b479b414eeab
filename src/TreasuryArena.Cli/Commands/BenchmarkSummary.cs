namespace TreasuryArena.Cli;

/// <summary>The benchmark (buy-and-hold, no costs) beside a backtest in <c>--json</c>.</summary>
internal sealed record BenchmarkSummary(string Asset, double FinalEquity, double TotalReturn, double Cagr, double Volatility, double? Sharpe, double MaxDrawdown);
