using System.CommandLine;
using TreasuryArena.Cli.Commands.Quant;

namespace TreasuryArena.Cli;

/// <summary><c>arena optimize</c> and <c>arena metrics</c>.</summary>
internal static partial class CliCommands
{
    static partial void AddQuant(RootCommand root)
    {
        root.Subcommands.Add(OptimizeCommand.Create());
        root.Subcommands.Add(MetricsCommand.Create());
    }
}
