using System.Globalization;

namespace TreasuryArena.Infrastructure.Advice;

/// <summary>
/// Decimal ↔ scaled 64-bit integer columns (SQLite cannot compare decimals). A value with more decimals than the
/// column's scale, or one that overflows, is refused rather than silently rounded.
/// </summary>
internal static class Scaled
{
    public const int Cents = 2;
    public const int E10 = 10;

    public static long ToLong(decimal value, int scale)
    {
        var factor = Factor(scale);
        var scaled = value * factor;
        if (scaled != decimal.Truncate(scaled))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{value} has more than {scale} decimals"));
        }

        return checked((long)scaled);
    }

    public static decimal FromLong(long value, int scale) => value / Factor(scale);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static decimal Factor(int scale) => scale switch
    {
        Cents => 100m,
        E10 => 10_000_000_000m,
        _ => throw new ArgumentOutOfRangeException(nameof(scale)),
    };
}
