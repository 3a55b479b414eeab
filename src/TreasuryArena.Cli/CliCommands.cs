using System.CommandLine;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Cli;

/// <summary>
/// The command tree. Each feature area implements its own <c>Add…</c> partial method in its own file under
/// <c>Commands/</c>, so areas never edit one shared list.
/// </summary>
internal static partial class CliCommands
{
    public static void AddAll(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Options.Add(CliCaller.Option());
        AddLedger(root);
        AddQuant(root);
        AddBacktest(root);
        AddIntel(root);
        AddTreasury(root);
        AddTokens(root);
        AddAdmin(root);
        AddServe(root);
        AddDemo(root);
        AddReports(root);
        AddEvaluate(root);
        AddBackup(root);
        AddPolicy(root);
        AddNotifications(root);
    }

    /// <summary>Runs a command line; <paramref name="ct"/> (besides Ctrl+C) stops a long-running verb such as <c>serve</c>.</summary>
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, CancellationToken ct = default)
    {
        try
        {
            // The default handler would catch CliException itself (print a stack trace, exit 1); let it reach us instead.
            var parse = root.Parse(args);
            CliOutput.ConfigureSpectre();
            CliDatabase.UseFor(parse);
            CliCaller.Use(await CliCaller.ResolveAsync(parse, ct));
            var code = await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, ct);
            if (parse.Errors.Count > 0)
            {
                foreach (var hint in CliSuggestions.For(parse))
                {
                    await Console.Error.WriteLineAsync("hint: " + hint);
                }
            }

            return code;
        }
        catch (CliException ex)
        {
            await Console.Error.WriteLineAsync($"error: {FreeText.ForDisplay(ex.Message, multiline: true)}");
            return ex.ExitCode;
        }
        catch (DomainException ex)
        {
            // A refusal no verb caught: its exit code comes from the one outcome table, as the API's status does.
            await Console.Error.WriteLineAsync($"error: {FreeText.ForDisplay(ex.Message, multiline: true)}");
            return (int)ex.Outcome.Exit();
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled");
            return 130;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await Console.Error.WriteLineAsync($"error: unexpected {ex.GetType().Name}: {FreeText.ForDisplay(ex.Message, multiline: true)}");
            return 1;
        }
    }

    static partial void AddLedger(RootCommand root);
    static partial void AddQuant(RootCommand root);
    static partial void AddBacktest(RootCommand root);
    static partial void AddIntel(RootCommand root);
    static partial void AddTreasury(RootCommand root);
    static partial void AddTokens(RootCommand root);
    static partial void AddAdmin(RootCommand root);
    static partial void AddServe(RootCommand root);
    static partial void AddDemo(RootCommand root);
    static partial void AddReports(RootCommand root);
    static partial void AddEvaluate(RootCommand root);
    static partial void AddBackup(RootCommand root);
    static partial void AddPolicy(RootCommand root);
    static partial void AddNotifications(RootCommand root);
}
