namespace TreasuryArena.Cli.Tests.Backtest;

/// <summary>The backtest CLI tests redirect <see cref="Console"/>, so they never run in parallel with other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BacktestConsoleCollection
{
    public const string Name = "BacktestConsole";
}
