namespace TreasuryArena.Cli.Commands.Demo;

/// <summary>One strategy token in the demo summary.</summary>
internal sealed record DemoTokenRow(string Symbol, string Strategy, string Status, decimal Nav, decimal ReturnSinceInception, decimal Supply, int Holders, decimal? BacktestSharpe);
