extern alias cli;

using System.CommandLine;
using CliCommands = cli::TreasuryArena.Cli.CliCommands;

namespace TreasuryArena.Server.Tests.Support;

/// <summary>
/// Runs an <c>arena</c> command line in this test process with the console captured. Console.Out is process-wide, so every
/// in-process CLI run of this test assembly goes through one gate: two tests running the CLI at once would otherwise
/// print into each other's captured output.
/// </summary>
internal static class InProcessArena
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<(int Code, string Out, string Err)> RunAsync(IReadOnlyList<string> args)
    {
        await Gate.WaitAsync();
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        try
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            var root = new RootCommand("arena (in-process test)");
            CliCommands.AddAll(root);
            var code = await CliCommands.InvokeAsync(root, [.. args]);
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
            Gate.Release();
        }
    }
}
