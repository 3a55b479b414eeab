using System.Globalization;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Quant;

namespace TreasuryArena.Infrastructure.Quant;

/// <summary>
/// Reads a wide price CSV: a header, then one row per date; the first column is the date (yyyy-MM-dd, optionally
/// followed by a time that is ignored), every other column one asset's price. An empty cell is a missing price (an
/// asset not yet listed); anything else must be a number. Rows may come in any order and are sorted by date.
/// Every problem is a <see cref="QuantException"/> with code <c>bad_file</c> naming the file, line and column.
/// </summary>
public static class PriceTableCsv
{
    public static PriceTable Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw Bad($"{path}: file not found");
        }

        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    public static PriceTable Parse(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine();
        while (header is not null && header.Trim().Length == 0)
        {
            header = reader.ReadLine();
        }

        if (header is null)
        {
            throw Bad($"{name}: the file is empty");
        }

        var columns = Split(header.TrimStart('\uFEFF'));
        if (columns.Length < 2)
        {
            throw Bad($"{name}: the header needs a date column and at least one price column");
        }

        var assets = columns[1..].Select(c => c.Trim()).ToArray();
        for (var j = 0; j < assets.Length; j++)
        {
            if (assets[j].Length == 0)
            {
                throw Bad($"{name}: line 1: price column {j + 2} has no name");
            }

            if (Array.IndexOf(assets, assets[j]) != j)
            {
                throw Bad($"{name}: line 1: column '{assets[j]}' appears twice");
            }
        }

        var rows = new List<(DateOnly Date, double[] Values, int Line)>();
        var lineNo = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var f = Split(line);
            if (f.Length < columns.Length)
            {
                throw Bad($"{name}: line {lineNo}: {f.Length} fields but the header has {columns.Length}; column '{columns[f.Length].Trim()}' is missing");
            }

            if (f.Length > columns.Length)
            {
                throw Bad($"{name}: line {lineNo}: {f.Length} fields but the header has {columns.Length}");
            }

            var dateText = f[0].Trim();
            if (dateText.Length > 10 && (dateText[10] == ' ' || dateText[10] == 'T'))
            {
                dateText = dateText[..10];
            }

            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw Bad($"{name}: line {lineNo}: '{f[0]}' is not a yyyy-MM-dd date");
            }

            var values = new double[assets.Length];
            for (var j = 0; j < assets.Length; j++)
            {
                var text = f[j + 1].Trim();
                if (text.Length == 0 || text.Equals("NaN", StringComparison.OrdinalIgnoreCase) || text.Equals("NA", StringComparison.OrdinalIgnoreCase))
                {
                    values[j] = double.NaN;
                    continue;
                }

                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                {
                    throw Bad($"{name}: line {lineNo}: column '{assets[j]}': '{text}' is not a number");
                }

                if (v <= 0)
                {
                    throw Bad($"{name}: line {lineNo}: column '{assets[j]}': price {text} is not positive");
                }

                values[j] = v;
            }

            rows.Add((date, values, lineNo));
        }

        if (rows.Count < 2)
        {
            throw Bad($"{name}: {rows.Count} data row(s); need at least 2");
        }

        rows.Sort((a, b) => a.Date.CompareTo(b.Date));
        for (var i = 1; i < rows.Count; i++)
        {
            if (rows[i].Date == rows[i - 1].Date)
            {
                throw Bad($"{name}: date {rows[i].Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} appears twice (lines {Math.Min(rows[i - 1].Line, rows[i].Line)} and {Math.Max(rows[i - 1].Line, rows[i].Line)})");
            }
        }

        var cols = new double[assets.Length][];
        for (var j = 0; j < assets.Length; j++)
        {
            cols[j] = rows.Select(r => r.Values[j]).ToArray();
        }

        try
        {
            return new PriceTable(assets, rows.Select(r => r.Date).ToArray(), cols);
        }
        catch (QuantException ex)
        {
            throw Bad($"{name}: {ex.Message}");
        }
    }

    private static string[] Split(string line)
    {
        if (!line.Contains('"', StringComparison.Ordinal))
        {
            return line.Split(',');
        }

        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (ch == '"')
            {
                if (quoted && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (ch == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }

        fields.Add(current.ToString());
        return [.. fields];
    }

    private static QuantException Bad(string message) => new(Outcome.BadFile, message);
}
