using System.Globalization;
using System.Net;
using System.Text;

namespace TreasuryArena.Core.Reporting;

/// <summary>
/// Small dependency-free SVG charts for self-contained HTML pages (tearsheets, reports, dashboard snapshots):
/// date line charts (optionally log-scale or filled to zero), stacked areas, and heat maps. Output is a string
/// with an <c>&lt;svg&gt;</c> element; long series are thinned to at most <see cref="MaxPoints"/> points.
/// </summary>
public static class SvgChart
{
    public const int MaxPoints = 800;

    private const int Left = 64;
    private const int Right = 12;
    private const int Top = 28;
    private const int Bottom = 28;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A line chart over dates. <paramref name="fillToZero"/> shades between the first series and 0 (drawdowns).</summary>
    public static string Line(string title, IReadOnlyList<DateOnly> dates, IReadOnlyList<SvgSeries> series, int width = 900, int height = 300, bool logScale = false, bool fillToZero = false, string valueFormat = "N0")
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(series);
        var n = dates.Count;
        var idx = Thin(n);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var s in series)
        {
            foreach (var i in idx)
            {
                var v = s.Values[i];
                if (double.IsFinite(v) && (!logScale || v > 0))
                {
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }
            }
        }

        if (fillToZero)
        {
            min = Math.Min(min, 0);
            max = Math.Max(max, 0);
        }

        if (!double.IsFinite(min))
        {
            min = 0;
            max = 1;
        }

        if (max - min < 1e-12)
        {
            max = min + 1;
        }

        double Y(double v)
        {
            var f = logScale ? (Math.Log(v) - Math.Log(min)) / (Math.Log(max) - Math.Log(min)) : (v - min) / (max - min);
            return Top + ((height - Top - Bottom) * (1 - f));
        }

        double X(int i) => Left + ((width - Left - Right) * (n <= 1 ? 0 : (double)i / (n - 1)));

        var sb = Open(width, height, title);
        Axes(sb, width, height, min, max, logScale, valueFormat, Y);
        DateTicks(sb, dates, width, height, X);
        for (var k = 0; k < series.Count; k++)
        {
            var s = series[k];
            var path = new StringBuilder();
            var started = false;
            foreach (var i in idx)
            {
                var v = s.Values[i];
                if (!double.IsFinite(v) || (logScale && v <= 0))
                {
                    started = false;
                    continue;
                }

                path.Append(started ? 'L' : 'M').Append(F(X(i))).Append(',').Append(F(Y(v)));
                started = true;
            }

            if (fillToZero && k == 0 && idx.Length > 0)
            {
                var zero = F(Y(0));
                sb.Append(Inv, $"<path d=\"{path}L{F(X(idx[^1]))},{zero}L{F(X(idx[0]))},{zero}Z\" fill=\"{s.Color}\" fill-opacity=\"0.25\" stroke=\"none\"/>");
            }

            sb.Append(Inv, $"<path d=\"{path}\" fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"1.5\"/>");
        }

        Legend(sb, series.Select(s => (s.Name, s.Color)).ToList(), width);
        return sb.Append("</svg>").ToString();
    }

    /// <summary>Stacked areas (e.g. portfolio weights over time); values per date should sum to about 1.</summary>
    public static string StackedArea(string title, IReadOnlyList<DateOnly> dates, IReadOnlyList<SvgSeries> series, int width = 900, int height = 240)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(series);
        var n = dates.Count;
        var idx = Thin(n);
        double X(int i) => Left + ((width - Left - Right) * (n <= 1 ? 0 : (double)i / (n - 1)));
        double Y(double v) => Top + ((height - Top - Bottom) * (1 - Math.Clamp(v, 0, 1)));
        var sb = Open(width, height, title);
        Axes(sb, width, height, 0, 1, false, "P0", Y);
        DateTicks(sb, dates, width, height, X);
        var lower = new double[n];
        foreach (var s in series)
        {
            var upper = new double[n];
            for (var i = 0; i < n; i++)
            {
                upper[i] = lower[i] + (double.IsFinite(s.Values[i]) ? Math.Max(0, s.Values[i]) : 0);
            }

            var path = new StringBuilder();
            var first = true;
            foreach (var i in idx)
            {
                path.Append(first ? 'M' : 'L').Append(F(X(i))).Append(',').Append(F(Y(upper[i])));
                first = false;
            }

            for (var j = idx.Length - 1; j >= 0; j--)
            {
                path.Append('L').Append(F(X(idx[j]))).Append(',').Append(F(Y(lower[idx[j]])));
            }

            sb.Append(Inv, $"<path d=\"{path}Z\" fill=\"{s.Color}\" fill-opacity=\"0.8\" stroke=\"none\"/>");
            lower = upper;
        }

        Legend(sb, series.Select(s => (s.Name, s.Color)).ToList(), width);
        return sb.Append("</svg>").ToString();
    }

    /// <summary>A heat map: rows × columns of values (NaN = empty), green for positive, red for negative.</summary>
    public static string Heatmap(string title, IReadOnlyList<string> rows, IReadOnlyList<string> columns, double[,] values, string valueFormat = "P1", int cellWidth = 58, int cellHeight = 22)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        var width = Left + (columns.Count * cellWidth) + Right;
        var height = Top + 18 + (rows.Count * cellHeight) + 8;
        var scale = 0.0;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                scale = Math.Max(scale, Math.Abs(v));
            }
        }

        scale = scale > 0 ? scale : 1;
        var sb = Open(width, height, title);
        for (var c = 0; c < columns.Count; c++)
        {
            sb.Append(Inv, $"<text x=\"{Left + (c * cellWidth) + (cellWidth / 2)}\" y=\"{Top + 12}\" text-anchor=\"middle\" class=\"t\">{Esc(columns[c])}</text>");
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var y = Top + 18 + (r * cellHeight);
            sb.Append(Inv, $"<text x=\"{Left - 6}\" y=\"{y + (cellHeight / 2) + 4}\" text-anchor=\"end\" class=\"t\">{Esc(rows[r])}</text>");
            for (var c = 0; c < columns.Count; c++)
            {
                var v = values[r, c];
                if (!double.IsFinite(v))
                {
                    continue;
                }

                var a = Math.Min(1, Math.Abs(v) / scale);
                var color = v >= 0 ? "22,163,74" : "220,38,38";
                var x = Left + (c * cellWidth);
                sb.Append(Inv, $"<rect x=\"{x}\" y=\"{y}\" width=\"{cellWidth - 2}\" height=\"{cellHeight - 2}\" fill=\"rgba({color},{F(0.12 + (0.75 * a))})\"><title>{Esc(rows[r])} {Esc(columns[c])}: {Esc(v.ToString(valueFormat, Inv))}</title></rect>");
                sb.Append(Inv, $"<text x=\"{x + (cellWidth / 2) - 1}\" y=\"{y + (cellHeight / 2) + 3}\" text-anchor=\"middle\" class=\"v\">{Esc(v.ToString(valueFormat, Inv))}</text>");
            }
        }

        return sb.Append("</svg>").ToString();
    }

    private static int[] Thin(int n)
    {
        if (n <= MaxPoints)
        {
            return Enumerable.Range(0, n).ToArray();
        }

        var step = (double)(n - 1) / (MaxPoints - 1);
        return Enumerable.Range(0, MaxPoints).Select(i => (int)Math.Round(i * step, MidpointRounding.AwayFromZero)).Distinct().ToArray();
    }

    private static StringBuilder Open(int width, int height, string title)
    {
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-label=\"{Esc(title)}\" font-family=\"system-ui,sans-serif\">");
        sb.Append("<style>.t{font-size:11px;fill:#475569}.v{font-size:10px;fill:#0f172a}.h{font-size:13px;font-weight:600;fill:#0f172a}</style>");
        sb.Append(Inv, $"<text x=\"{Left}\" y=\"16\" class=\"h\">{Esc(title)}</text>");
        return sb;
    }

    private static void Axes(StringBuilder sb, int width, int height, double min, double max, bool log, string format, Func<double, double> y)
    {
        for (var k = 0; k <= 4; k++)
        {
            var v = log ? Math.Exp(Math.Log(min) + ((Math.Log(max) - Math.Log(min)) * k / 4)) : min + ((max - min) * k / 4);
            var py = F(y(v));
            sb.Append(Inv, $"<line x1=\"{Left}\" x2=\"{width - Right}\" y1=\"{py}\" y2=\"{py}\" stroke=\"#e2e8f0\"/>");
            sb.Append(Inv, $"<text x=\"{Left - 6}\" y=\"{py}\" dy=\"4\" text-anchor=\"end\" class=\"t\">{Esc(v.ToString(format, Inv))}</text>");
        }

        sb.Append(Inv, $"<line x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{height - Bottom}\" stroke=\"#94a3b8\"/>");
    }

    private static void DateTicks(StringBuilder sb, IReadOnlyList<DateOnly> dates, int width, int height, Func<int, double> x)
    {
        if (dates.Count == 0)
        {
            return;
        }

        var ticks = Math.Min(8, dates.Count);
        var format = TickFormat(dates[0], dates[^1]);
        string? previous = null;
        for (var k = 0; k < ticks; k++)
        {
            var i = ticks == 1 ? 0 : (int)((long)(dates.Count - 1) * k / (ticks - 1));
            var label = dates[i].ToString(format, Inv);
            if (label == previous)
            {
                continue;
            }

            previous = label;
            sb.Append(Inv, $"<text x=\"{F(x(i))}\" y=\"{height - 10}\" text-anchor=\"middle\" class=\"t\">{label}</text>");
        }
    }

    /// <summary>
    /// The date-axis label format for a span: days (<c>yyyy-MM-dd</c>) up to eight months, so a month's chart labels its
    /// days and not one month eight times; months (<c>yyyy-MM</c>) beyond. A tick whose label repeats the previous one is dropped.
    /// </summary>
    internal static string TickFormat(DateOnly first, DateOnly last) =>
        last.DayNumber - first.DayNumber <= 243 ? "yyyy-MM-dd" : "yyyy-MM";

    private static void Legend(StringBuilder sb, List<(string Name, string Color)> items, int width)
    {
        var x = width - Right;
        for (var i = items.Count - 1; i >= 0; i--)
        {
            var label = Esc(items[i].Name);
            x -= 18 + (items[i].Name.Length * 7);
            sb.Append(Inv, $"<rect x=\"{x}\" y=\"8\" width=\"10\" height=\"10\" fill=\"{items[i].Color}\"/><text x=\"{x + 14}\" y=\"17\" class=\"t\">{label}</text>");
        }
    }

    private static string F(double v) => v.ToString("0.##", Inv);

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
