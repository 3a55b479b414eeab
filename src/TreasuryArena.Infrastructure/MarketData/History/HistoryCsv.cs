using System.Globalization;
using TreasuryArena.Core.MarketData;

namespace TreasuryArena.Infrastructure.MarketData.History;

/// <summary>
/// Reads the history file layout of <c>shared/data/market</c> (see its README): <c>date,open,high,low,close,volume</c>
/// for prices, <c>date,value</c> for indicators, <c>timestamp,value</c> for 8-hourly series. Errors name file and line.
/// </summary>
public static class HistoryCsv
{
    public static OhlcvSeries ReadOhlcv(string path, string symbol)
    {
        var rows = ReadRows(path, ["date", "open", "high", "low", "close", "volume"]);
        var n = rows.Count;
        var dates = new DateOnly[n];
        var o = new double[n];
        var h = new double[n];
        var l = new double[n];
        var c = new double[n];
        var v = new double[n];
        for (var i = 0; i < n; i++)
        {
            var (line, f) = rows[i];
            dates[i] = ParseDate(path, line, f[0]);
            o[i] = ParseOptional(path, line, f[1]);
            h[i] = ParseOptional(path, line, f[2]);
            l[i] = ParseOptional(path, line, f[3]);
            c[i] = ParsePositive(path, line, f[4]);
            v[i] = ParseOptional(path, line, f[5]);
        }

        return Wrap(path, () => new OhlcvSeries(symbol, dates, o, h, l, c, v));
    }

    public static TimeSeries ReadValues(string path, string name, double scale = 1.0)
    {
        var rows = ReadRows(path, ["date", "value"]);
        var dates = new DateOnly[rows.Count];
        var values = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var (line, f) = rows[i];
            dates[i] = ParseDate(path, line, f[0]);
            values[i] = ParseNumber(path, line, f[1]) * scale;
        }

        return Wrap(path, () => new TimeSeries(name, dates, values));
    }

    /// <summary>Reads a <c>timestamp,value</c> file and averages the events of each UTC day.</summary>
    public static TimeSeries ReadIntradayAsDailyMean(string path, string name)
    {
        var rows = ReadRows(path, ["timestamp", "value"]);
        var dates = new List<DateOnly>();
        var values = new List<double>();
        double sum = 0;
        var count = 0;
        foreach (var (line, f) in rows)
        {
            if (!DateTimeOffset.TryParse(f[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var ts))
            {
                throw new InvalidDataException($"{path}:{line}: `{f[0]}` is not a timestamp");
            }

            var day = DateOnly.FromDateTime(ts.UtcDateTime);
            if (dates.Count > 0 && day == dates[^1])
            {
                sum += ParseNumber(path, line, f[1]);
                count++;
                values[^1] = sum / count;
                continue;
            }

            dates.Add(day);
            sum = ParseNumber(path, line, f[1]);
            count = 1;
            values.Add(sum);
        }

        return Wrap(path, () => new TimeSeries(name, [.. dates], [.. values]));
    }

    private static T Wrap<T>(string path, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }

    private static List<(int Line, string[] Fields)> ReadRows(string path, string[] header)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"history file not found: {path}", path);
        }

        var rows = new List<(int, string[])>(4096);
        using var reader = new StreamReader(path);
        var first = reader.ReadLine() ?? throw new InvalidDataException($"{path}: empty file");
        var columns = first.Trim().Split(',');
        if (!columns.AsSpan().SequenceEqual(header))
        {
            throw new InvalidDataException($"{path}:1: header is `{first}`, expected `{string.Join(',', header)}`");
        }

        var lineNo = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != header.Length)
            {
                throw new InvalidDataException($"{path}:{lineNo}: {fields.Length} fields, expected {header.Length}");
            }

            rows.Add((lineNo, fields));
        }

        return rows;
    }

    private static DateOnly ParseDate(string path, int line, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new InvalidDataException($"{path}:{line}: `{text}` is not a yyyy-MM-dd date");

    private static double ParseNumber(string path, int line, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new InvalidDataException($"{path}:{line}: `{text}` is not a number");

    private static double ParseOptional(string path, int line, string text) =>
        text.Length == 0 ? double.NaN : ParseNumber(path, line, text);

    private static double ParsePositive(string path, int line, string text)
    {
        var v = ParseNumber(path, line, text);
        return v > 0 ? v : throw new InvalidDataException($"{path}:{line}: price `{text}` must be positive");
    }
}
