using System.Text;

namespace TreasuryArena.Cli;

/// <summary>
/// The one table renderer of every command's text output. Columns are declared with a kind and a priority; the table
/// fits <see cref="CliOutput.Width"/>: a <see cref="CliColumn.Number"/> cell never wraps or splits, an
/// <see cref="CliColumn.Address"/> cell is shortened (<c>0x6e99…a8aa8</c>), and when the row is still too wide the
/// columns with the highest priority number leave the grid and are stacked under each row as <c>header value</c>
/// pairs (wrapped to the width); as a last resort <see cref="CliColumn.Text"/> cells are cut with "…".
/// Headers are bold only where <see cref="CliOutput.Ansi"/> allows escape codes.
/// </summary>
/// <example><code>
/// var t = new CliTable("Wallets").Address("address").Text("mode").Number("value").Number("cash", priority: 1);
/// t.Row(w.Address, w.Mode, "1,234.00", "12.00");
/// t.Write();
/// </code></example>
internal sealed class CliTable(string? title = null)
{
    private const string Gap = "  ";
    private const int MinimumTextWidth = 6;
    private readonly List<Col> _columns = [];
    private readonly List<string[]> _rows = [];

    /// <summary>A left-aligned text column (cut with "…" only if nothing else makes the table fit).</summary>
    public CliTable Text(string header, int priority = 0) => Add(header, CliColumn.Text, priority);

    /// <summary>A right-aligned number column: its cells never wrap or split.</summary>
    public CliTable Number(string header, int priority = 0) => Add(header, CliColumn.Number, priority);

    /// <summary>A wallet address column: cells are shortened with <see cref="CliOutput.ShortAddress"/>.</summary>
    public CliTable Address(string header, int priority = 0) => Add(header, CliColumn.Address, priority);

    /// <summary>
    /// Adds a column. <paramref name="priority"/> 0 is always in the grid; a higher number is stacked under the row
    /// earlier when the table does not fit (the highest first).
    /// </summary>
    public CliTable Add(string header, CliColumn kind, int priority = 0)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentOutOfRangeException.ThrowIfNegative(priority);
        if (_rows.Count > 0)
        {
            throw new InvalidOperationException("declare every column before the first row");
        }

        _columns.Add(new Col(header, kind, priority));
        return this;
    }

    /// <summary>Adds a row, one cell per column (null reads as empty).</summary>
    public CliTable Row(params string?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _columns.Count)
        {
            throw new ArgumentException($"a row of {cells.Length} cells for {_columns.Count} columns", nameof(cells));
        }

        _rows.Add([.. cells.Select((c, i) => Clean(_columns[i].Kind == CliColumn.Address && c is not null ? CliOutput.ShortAddress(c) : c ?? ""))]);
        return this;
    }

    /// <summary>Writes the table to <paramref name="writer"/> (default <see cref="Console.Out"/>) at <see cref="CliOutput.Width"/>.</summary>
    public void Write(TextWriter? writer = null)
    {
        var w = writer ?? Console.Out;
        foreach (var line in Render(CliOutput.Width, CliOutput.Ansi))
        {
            w.WriteLine(line);
        }
    }

    /// <summary>The lines of the table at <paramref name="width"/>; <paramref name="bold"/> wraps the header in escape codes.</summary>
    public IReadOnlyList<string> Render(int width, bool bold = false)
    {
        var n = _columns.Count;
        var widths = new int[n];
        for (var i = 0; i < n; i++)
        {
            widths[i] = Math.Max(_columns[i].Header.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length));
        }

        // Stack the lowest-priority columns (highest number, rightmost first) until the grid fits.
        var inGrid = Enumerable.Repeat(true, n).ToArray();
        int GridWidth() => Enumerable.Range(0, n).Where(i => inGrid[i]).Sum(i => widths[i]) + (Gap.Length * Math.Max(0, inGrid.Count(g => g) - 1));
        foreach (var i in Enumerable.Range(0, n).Where(i => _columns[i].Priority > 0).OrderByDescending(i => _columns[i].Priority).ThenByDescending(i => i))
        {
            if (GridWidth() <= width)
            {
                break;
            }

            inGrid[i] = false;
        }

        // Then cut text cells, the widest text column first.
        while (GridWidth() > width)
        {
            var text = Enumerable.Range(0, n).Where(i => inGrid[i] && _columns[i].Kind == CliColumn.Text && widths[i] > MinimumTextWidth)
                .OrderByDescending(i => widths[i]).Cast<int?>().FirstOrDefault();
            if (text is not { } t)
            {
                break;
            }

            widths[t] = Math.Max(MinimumTextWidth, widths[t] - (GridWidth() - width));
        }

        // Still too wide (numbers only): stack every column but the first rather than wrap a number.
        for (var i = n - 1; i > 0 && GridWidth() > width; i--)
        {
            inGrid[i] = false;
        }

        var lines = new List<string>();
        if (title is not null)
        {
            lines.AddRange(CliOutput.Wrap(title, width));
        }

        var grid = Enumerable.Range(0, n).Where(i => inGrid[i]).ToList();
        var header = Line(grid, i => _columns[i].Header, widths);
        lines.Add(bold ? CliOutput.BoldText(header) : header);
        lines.Add(string.Join(Gap, grid.Select(i => new string('─', widths[i]))));
        var stacked = Enumerable.Range(0, n).Where(i => !inGrid[i]).ToList();
        foreach (var row in _rows)
        {
            lines.Add(Line(grid, i => row[i], widths));
            if (stacked.Count == 0)
            {
                continue;
            }

            // Stacked columns: "header value" pairs, two spaces apart, each pair kept on one line where it fits.
            var current = new StringBuilder("  ");
            foreach (var i in stacked.Where(i => row[i].Length > 0))
            {
                var pair = _columns[i].Header + " " + row[i];
                if (current.Length > 2 && current.Length + Gap.Length + pair.Length > width)
                {
                    lines.Add(current.ToString());
                    current.Clear().Append("  ");
                }

                if (current.Length + pair.Length > width)
                {
                    // A pair wider than a line (long text): wrapped at spaces, numbers whole.
                    lines.AddRange(CliOutput.Wrap(pair, width, current.Length, 4));
                    current.Clear().Append("  ");
                    continue;
                }

                current.Append(current.Length > 2 ? Gap : "").Append(pair);
            }

            if (current.Length > 2)
            {
                lines.Add(current.ToString());
            }
        }

        return lines;
    }

    private string Line(List<int> grid, Func<int, string> cell, int[] widths)
    {
        var sb = new StringBuilder();
        foreach (var i in grid)
        {
            var text = cell(i);
            if (text.Length > widths[i])
            {
                text = text[..(widths[i] - 1)] + "…";
            }

            if (sb.Length > 0)
            {
                sb.Append(Gap);
            }

            sb.Append(_columns[i].Kind == CliColumn.Number ? text.PadLeft(widths[i]) : text.PadRight(widths[i]));
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>A cell on one line: line breaks and tabs become spaces.</summary>
    private static string Clean(string cell) => cell.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\t', ' ').Trim();

    private sealed record Col(string Header, CliColumn Kind, int Priority);
}
