using System.CommandLine;

namespace TreasuryArena.Cli.Tests.Support;

/// <summary>Runs an <c>arena</c> command in-process with <see cref="Console"/> redirected; callers belong to <see cref="ConsoleCollection"/>.</summary>
internal static class InProcessCli
{
    public static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var root = new RootCommand("test");
        CliCommands.AddAll(root);
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            var code = await CliCommands.InvokeAsync(root, args);
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }
}
