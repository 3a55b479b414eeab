using System.CommandLine;

namespace TreasuryArena.Cli;

internal static partial class CliCommands
{
    static partial void AddBacktest(RootCommand root)
    {
        root.Subcommands.Add(BacktestCli.BacktestCommand());
        root.Subcommands.Add(BacktestCli.SweepCommand());
        root.Subcommands.Add(BacktestCli.StrategiesCommand());
        root.Subcommands.Add(InceptionsCli.Command());
    }
}
