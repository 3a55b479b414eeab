extern alias cli;

using System.CommandLine;
using System.Text;
using CliCommands = cli::TreasuryArena.Cli.CliCommands;

namespace TreasuryArena.Server.Tests.Support;

/// <summary>
/// Runs an <c>arena</c> command line in this test process with the console captured. Console.Out is process-wide, and
/// the servers other tests start at the same time log to it; so the console is replaced once by a writer that sends
/// what the CLI's own flow writes (an async-local capture) to that run's buffer and everything else to the real
/// console, and in-process CLI runs still take turns (the CLI's console library keeps static state).
/// </summary>
internal static class InProcessArena
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly AsyncLocal<TextWriter?> CapturedOut = new();
    private static readonly AsyncLocal<TextWriter?> CapturedError = new();
    private static readonly Lazy<bool> Routed = new(() =>
    {
        Console.SetOut(new FlowWriter(Console.Out, CapturedOut));
        Console.SetError(new FlowWriter(Console.Error, CapturedError));
        return true;
    });

    public static async Task<(int Code, string Out, string Err)> RunAsync(IReadOnlyList<string> args)
    {
        _ = Routed.Value;
        await Gate.WaitAsync();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        try
        {
            CapturedOut.Value = TextWriter.Synchronized(stdout);
            CapturedError.Value = TextWriter.Synchronized(stderr);
            var root = new RootCommand("arena (in-process test)");
            CliCommands.AddAll(root);
            var code = await CliCommands.InvokeAsync(root, [.. args]);
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            CapturedOut.Value = null;
            CapturedError.Value = null;
            Gate.Release();
        }
    }

    /// <summary>Writes to the flow's capture when it has one, otherwise to the console it replaced.</summary>
    private sealed class FlowWriter(TextWriter console, AsyncLocal<TextWriter?> capture) : TextWriter
    {
        private TextWriter Target => capture.Value ?? console;

        public override Encoding Encoding => console.Encoding;

        public override void Write(char value) => Target.Write(value);

        public override void Write(string? value) => Target.Write(value);

        public override void Write(char[] buffer, int index, int count) => Target.Write(buffer, index, count);

        public override void Write(ReadOnlySpan<char> buffer) => Target.Write(buffer);

        public override void WriteLine(string? value) => Target.WriteLine(value);

        public override void WriteLine() => Target.WriteLine();

        public override void Flush() => Target.Flush();

        public override Task WriteAsync(char value) => Target.WriteAsync(value);

        public override Task WriteAsync(string? value) => Target.WriteAsync(value);

        public override Task WriteLineAsync(string? value) => Target.WriteLineAsync(value);

        public override Task FlushAsync() => Target.FlushAsync();
    }
}
