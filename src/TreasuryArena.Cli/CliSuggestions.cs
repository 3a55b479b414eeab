using System.CommandLine;
using System.CommandLine.Parsing;
using System.Runtime.CompilerServices;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Cli;

/// <summary>
/// What a command line that does not parse probably meant, printed as <c>hint:</c> lines after System.CommandLine's own
/// error: an option a command declared as a known mistake (<see cref="AddHint"/>, e.g. <c>serve --port 8800</c> →
/// <c>--urls http://127.0.0.1:8800</c>), else the closest option or subcommand by edit distance (a typo).
/// </summary>
internal static class CliSuggestions
{
    private static readonly ConditionalWeakTable<Command, List<(string Token, Func<string?, string> Suggest)>> Hints = [];

    /// <summary>
    /// Declares that <paramref name="token"/>, not an option of <paramref name="command"/>, means what
    /// <paramref name="suggest"/> returns for the value typed after it (null when none).
    /// </summary>
    public static void AddHint(this Command command, string token, Func<string?, string> suggest)
    {
        ArgumentNullException.ThrowIfNull(command);
        Hints.GetOrCreateValue(command).Add((token, suggest));
    }

    /// <summary>The suggestions for the unmatched tokens of <paramref name="parse"/> (none when it parsed or nothing is close).</summary>
    public static IReadOnlyList<string> For(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var command = parse.CommandResult.Command;
        var path = CommandPath(parse.CommandResult);
        var unmatched = parse.UnmatchedTokens;
        var suggestions = new List<string>();
        for (var i = 0; i < unmatched.Count; i++)
        {
            var token = unmatched[i];
            if (!token.StartsWith('-'))
            {
                if (i == 0 && command.Subcommands.Count > 0 && Closest(token, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)) is { } sub)
                {
                    suggestions.Add($"`{token}` is not a command of `{path}`; did you mean `{path} {sub}`?");
                }

                continue;
            }

            var eq = token.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? token[..eq] : token;
            var value = eq > 0 ? token[(eq + 1)..] : i + 1 < unmatched.Count && !unmatched[i + 1].StartsWith('-') ? unmatched[i + 1] : null;
            if (Hints.TryGetValue(command, out var hints) && hints.FirstOrDefault(h => string.Equals(h.Token, name, StringComparison.Ordinal)) is { Suggest: not null } hint)
            {
                suggestions.Add($"`{path}` has no {name} option; use `{hint.Suggest(value)}`");
            }
            else if (Closest(name, OptionNames(parse.CommandResult)) is { } option)
            {
                suggestions.Add($"`{path}` has no {name} option; did you mean `{option}`?");
            }
        }

        return suggestions;
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult c)
            {
                names.Add(c.Parent is null ? "arena" : c.Command.Name);
            }
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    /// <summary>The options valid on the parsed command: its own and its ancestors' recursive ones (names and aliases).</summary>
    private static IEnumerable<string> OptionNames(CommandResult result)
    {
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is not CommandResult c)
            {
                continue;
            }

            foreach (var o in c.Command.Options.Where(o => !o.Hidden && (ReferenceEquals(c, result) || o.Recursive)))
            {
                yield return o.Name;
                foreach (var alias in o.Aliases)
                {
                    yield return alias;
                }
            }
        }
    }

    /// <summary>The candidate nearest to <paramref name="typed"/> within a third of its length in edits (at least one), or null.</summary>
    private static string? Closest(string typed, IEnumerable<string> candidates)
    {
        var limit = Math.Max(1, typed.TrimStart('-').Length / 3);
        return candidates
            .Select(c => (Name: c, Distance: EditDistance.Osa(typed, c)))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }
}
