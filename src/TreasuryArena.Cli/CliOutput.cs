using System.Globalization;
using System.Text;
using Spectre.Console;

namespace TreasuryArena.Cli;

/// <summary>
/// How text output fits where it goes, for every command: the width (<c>COLUMNS</c> when set, else the terminal's width
/// when standard output is a terminal, else 80), whether escape codes may be written (only to a terminal, never with
/// <c>NO_COLOR</c> set or <c>TERM=dumb</c>), short addresses and word wrapping that never splits a number.
/// Tables go through <see cref="CliTable"/>; Spectre.Console (progress bars, the few remaining widgets) is configured by
/// <see cref="ConfigureSpectre"/> with the same width and escape rules.
/// </summary>
internal static class CliOutput
{
    /// <summary>The width when standard output is not a terminal and <c>COLUMNS</c> is unset.</summary>
    public const int DefaultWidth = 80;

    /// <summary>The narrowest width honoured (a smaller <c>COLUMNS</c> is raised to it).</summary>
    public const int MinimumWidth = 40;

    /// <summary>The columns text output must fit in.</summary>
    public static int Width
    {
        get
        {
            if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns > 0)
            {
                return Math.Max(MinimumWidth, columns);
            }

            if (!Console.IsOutputRedirected)
            {
                try
                {
                    if (Console.WindowWidth > 0)
                    {
                        return Math.Max(MinimumWidth, Console.WindowWidth);
                    }
                }
                catch (IOException)
                {
                    // No console behind the handle: the default below.
                }
            }

            return DefaultWidth;
        }
    }

    /// <summary>Whether escape codes (bold, colours) may be written: standard output is a terminal, <c>NO_COLOR</c> is unset or empty, <c>TERM</c> is not <c>dumb</c>.</summary>
    public static bool Ansi =>
        !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);

    /// <summary>Makes Spectre.Console write to the current <see cref="Console.Out"/> with <see cref="Width"/> and the escape rules of <see cref="Ansi"/>.</summary>
    public static void ConfigureSpectre()
    {
        var ansi = Ansi;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = Console.IsOutputRedirected ? InteractionSupport.No : InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        console.Profile.Width = Width;
        AnsiConsole.Console = console;
    }

    /// <summary><paramref name="text"/> in bold where escape codes are allowed, else as it is.</summary>
    public static string Bold(string text) => Ansi ? BoldText(text) : text;

    /// <summary><paramref name="text"/> between the bold and reset escape codes.</summary>
    internal static string BoldText(string text) => "\u001b[1m" + text + "\u001b[0m";

    /// <summary>
    /// A wallet address as a table shows it: <c>0x6e99…a8aa8</c> (the first four and last five hex digits); anything
    /// that is not a long <c>0x</c> address is returned as it is. <c>--json</c> output always carries the full address.
    /// </summary>
    public static string ShortAddress(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.Length > 14 && address.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? string.Concat(address.AsSpan(0, 6), "…", address.AsSpan(address.Length - 5))
            : address;
    }

    /// <summary>Writes <paramref name="text"/> word-wrapped to <see cref="Width"/>; lines after the first are indented by <paramref name="hangingIndent"/>.</summary>
    public static void WriteWrapped(TextWriter writer, string text, int indent = 0, int? hangingIndent = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var line in Wrap(text, Width, indent, hangingIndent ?? indent))
        {
            writer.WriteLine(line);
        }
    }

    /// <summary>
    /// <paramref name="text"/> broken into lines of at most <paramref name="width"/> columns at spaces (each line of the
    /// text on its own); a word longer than a line is cut only when it is not a number, so numbers never split.
    /// </summary>
    public static IEnumerable<string> Wrap(string text, int width, int indent = 0, int hangingIndent = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            // A paragraph's own leading spaces (a "  - item" line) add to the first line's indent.
            var lineIndent = indent + (paragraph.Length - paragraph.TrimStart(' ').Length);
            var line = new StringBuilder(new string(' ', lineIndent));
            var empty = true;
            foreach (var word in Words(paragraph))
            {
                if (!empty && line.Length + 1 + word.Length > width)
                {
                    yield return line.ToString().TrimEnd();
                    lineIndent = hangingIndent;
                    line.Clear().Append(' ', lineIndent);
                    empty = true;
                }

                var rest = word;
                // A word wider than a whole line: cut it (never a number, which overflows instead).
                while (empty && lineIndent + rest.Length > width && !IsNumber(rest) && width - lineIndent > 1)
                {
                    var take = width - lineIndent;
                    yield return (line + rest[..take]).TrimEnd();
                    rest = rest[take..];
                    lineIndent = hangingIndent;
                    line.Clear().Append(' ', lineIndent);
                }

                if (!empty)
                {
                    line.Append(' ');
                }

                line.Append(rest);
                empty = false;
            }

            yield return line.ToString().TrimEnd();
        }
    }

    /// <summary>
    /// The words of <paramref name="paragraph"/>, a per-cent sign written apart from its number ("20.0 %", as the
    /// invariant culture formats percentages) kept with it so the two never land on different lines.
    /// </summary>
    private static List<string> Words(string paragraph)
    {
        var words = new List<string>();
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.StartsWith('%') && words.Count > 0)
            {
                words[^1] += " " + word;
            }
            else
            {
                words.Add(word);
            }
        }

        return words;
    }

    /// <summary>Whether <paramref name="word"/> reads as a number (digits with separators, signs, a currency or per-cent sign).</summary>
    internal static bool IsNumber(string word) =>
        word.Any(char.IsAsciiDigit) && word.All(c => char.IsAsciiDigit(c) || c is '.' or ',' or '-' or '+' or '%' or '$' or '(' or ')' or '/' or ':' or ' ');
}
