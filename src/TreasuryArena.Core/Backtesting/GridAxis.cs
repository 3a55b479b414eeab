using System.Globalization;

namespace TreasuryArena.Core.Backtesting;

/// <summary>One parameter's values in a sweep grid, from <c>key=a:b:step</c> (a, a + step, … up to b).</summary>
public sealed record GridAxis(string Key, IReadOnlyList<string> Values)
{
    public const int MaxValues = 100_000;

    public static GridAxis Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var parts = eq > 0 ? text[(eq + 1)..].Split(':') : [];
        if (parts.Length != 3)
        {
            throw new BacktestException($"--grid `{text}`: expected key=from:to:step, e.g. window=50:300:10");
        }

        var key = text[..eq].Trim();
        var n = new double[3];
        for (var i = 0; i < 3; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out n[i]) || !double.IsFinite(n[i]))
            {
                throw new BacktestException($"--grid `{text}`: `{parts[i]}` is not a number");
            }
        }

        var (from, to, step) = (n[0], n[1], n[2]);
        if (!(step > 0) || to < from)
        {
            throw new BacktestException($"--grid `{text}`: needs from ≤ to and a positive step");
        }

        var count = (long)Math.Floor(((to - from) / step) + 1e-9) + 1;
        if (count > MaxValues)
        {
            throw new BacktestException($"--grid `{text}`: {count} values, more than {MaxValues}");
        }

        var values = new string[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = Math.Round(from + (i * step), 10, MidpointRounding.ToEven).ToString("R", CultureInfo.InvariantCulture);
        }

        return new GridAxis(key, values);
    }
}
