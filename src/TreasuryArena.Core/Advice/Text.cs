using System.Globalization;

namespace TreasuryArena.Core.Advice;

/// <summary>Invariant formatting for trustee-readable text: percentages without a space ("8.0%").</summary>
internal static class Text
{
    private static readonly NumberFormatInfo Numbers = CreateNumbers();

    public static string F(FormattableString s) => s.ToString(Numbers);

    public static string Percent(double? value) => value is { } v ? v.ToString("P1", Numbers) : "n/a";

    private static NumberFormatInfo CreateNumbers()
    {
        var n = (NumberFormatInfo)CultureInfo.InvariantCulture.NumberFormat.Clone();
        n.PercentPositivePattern = 1;
        n.PercentNegativePattern = 1;
        return NumberFormatInfo.ReadOnly(n);
    }
}
