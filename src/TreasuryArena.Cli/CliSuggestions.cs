using System.CommandLine;
using System.CommandLine.Parsing;
using System.Runtime.CompilerServices;

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
            .Select(c => (Name: c, Distance: Distance(typed, c)))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    /// <summary>Optimal string alignment distance (insertions, deletions, substitutions, adjacent transpositions).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
