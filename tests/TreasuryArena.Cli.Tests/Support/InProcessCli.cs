using System.CommandLine;

namespace TreasuryArena.Cli.Tests.Support;

/// <summary>Runs an <c>arena</c> command in-process with <see cref="Console"/> redirected; callers belong to <see cref="ConsoleCollection"/>.</summary>
internal static class InProcessCli
{
    public static Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => RunCoreAsync(args, stopWhenErrorContains: null);

    /// <summary>
    /// Runs a long-running verb (<c>serve</c>) until its standard error contains <paramref name="stopWhenErrorContains"/>,
    /// then cancels it as Ctrl+C would and returns what it printed until it ended.
    /// </summary>
    public static Task<(int Code, string Out, string Err)> RunUntilAsync(string stopWhenErrorContains, params string[] args) =>
        RunCoreAsync(args, stopWhenErrorContains);

    private static async Task<(int Code, string Out, string Err)> RunCoreAsync(string[] args, string? stopWhenErrorContains)
    {
        var root = new RootCommand("test");
        CliCommands.AddAll(root);
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        using var stdout = new StringWriter();
        using var stderr = new WatchingWriter(stopWhenErrorContains);
        using var stop = new CancellationTokenSource();
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            var run = CliCommands.InvokeAsync(root, args, stop.Token);
            // The safety limit only ends a verb that never prints the text; the test then fails on its output.
            if (stopWhenErrorContains is not null && await Task.WhenAny(run, stderr.Seen, Task.Delay(TimeSpan.FromMinutes(5))) != run)
            {
                await stop.CancelAsync();
            }

            var code = await run;
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }

    /// <summary>A string writer that completes <see cref="Seen"/> once what was written contains a text.</summary>
    private sealed class WatchingWriter(string? text) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Seen => _seen.Task;

        public override void Write(char value)
        {
            base.Write(value);
            Check();
        }

        public override void Write(string? value)
        {
            base.Write(value);
            Check();
        }

        public override void Write(char[] buffer, int index, int count)
        {
            base.Write(buffer, index, count);
            Check();
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            base.Write(buffer);
            Check();
        }

        private void Check()
        {
            if (text is not null && !_seen.Task.IsCompleted && GetStringBuilder().ToString().Contains(text, StringComparison.Ordinal))
            {
                _seen.TrySetResult();
            }
        }
    }
}
