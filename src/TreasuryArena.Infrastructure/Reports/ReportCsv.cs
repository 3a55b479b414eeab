using System.Globalization;
using System.Text;

namespace TreasuryArena.Infrastructure.Reports;

/// <summary>
/// CSV as the statements and transaction exports write it (RFC 4180: comma-separated, CRLF line ends, a field quoted
/// when it holds a comma, quote or line break, quotes doubled). Numbers are invariant-culture plain decimals. A text
/// field that a spreadsheet would read as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR)
/// gets a leading apostrophe, so a stored name cannot run in the reader's spreadsheet.
/// </summary>
public sealed class ReportCsv
{
    private readonly StringBuilder _sb = new();

    public ReportCsv(params string[] header) => Row(header);

    /// <summary>Appends one row of already-formatted cells (text cells pass through <see cref="Text"/>).</summary>
    public ReportCsv Row(params string?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                _sb.Append(',');
            }

            var c = cells[i] ?? "";
            if (c.IndexOfAny([',', '"', '\r', '\n']) >= 0)
            {
                _sb.Append('"').Append(c.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                _sb.Append(c);
            }
        }

        _sb.Append("\r\n");
        return this;
    }

    /// <summary>A text cell, defused against spreadsheet formulas.</summary>
    public static string Text(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>A decimal cell (invariant, no grouping).</summary>
    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An optional decimal cell (empty when null).</summary>
    public static string Number(decimal? value) => value is { } v ? Number(v) : "";

    /// <summary>A date cell (<c>yyyy-MM-dd</c>).</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override string ToString() => _sb.ToString();
}
