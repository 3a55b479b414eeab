using System.Globalization;

namespace TreasuryArena.Core.Common;

/// <summary>
/// Parses a decimal literal only when <see cref="decimal"/> holds it exactly. <c>decimal.Parse</c> rounds a literal
/// with more than 28–29 significant digits (<c>1.0000000000000000000000000000001</c> becomes 1), so an amount would
/// be silently changed before any scale rule sees it; here such a literal is refused instead. Accepts JSON number
/// syntax and plain decimals: optional sign, digits, optional fraction, optional exponent.
/// </summary>
public static class ExactDecimal
{
    /// <summary>The value of <paramref name="text"/> when it is a number <see cref="decimal"/> represents exactly.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0m;
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        if (!Canonical(text, out var digits, out var pointAt))
        {
            return false;
        }

        var parsedText = Math.Abs(parsed).ToString(CultureInfo.InvariantCulture);
        if (!Canonical(parsedText, out var parsedDigits, out var parsedPointAt))
        {
            return false;
        }

        if (digits != parsedDigits || (digits.Length > 0 && pointAt != parsedPointAt))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    /// <summary>
    /// Significant digits (no leading or trailing zeros) and the position of the decimal point relative to the first
    /// of them: two literals are equal exactly when both agree (zero has no digits).
    /// </summary>
    private static bool Canonical(ReadOnlySpan<char> text, out string digits, out int pointAt)
    {
        digits = string.Empty;
        pointAt = 0;
        var s = text.Trim();
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            s = s[1..];
        }

        var exponent = 0;
        var e = s.IndexOfAny('e', 'E');
        if (e >= 0)
        {
            if (!int.TryParse(s[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            {
                return false;
            }

            s = s[..e];
        }

        var dot = s.IndexOf('.');
        var intPart = dot >= 0 ? s[..dot] : s;
        var fracPart = dot >= 0 ? s[(dot + 1)..] : [];
        var all = string.Concat(intPart, fracPart);
        var lead = 0;
        while (lead < all.Length && all[lead] == '0')
        {
            lead++;
        }

        var end = all.Length;
        while (end > lead && all[end - 1] == '0')
        {
            end--;
        }

        digits = all[lead..end];
        // The point sits after intPart.Length digits of `all`; relative to the first significant digit, shifted by e.
        pointAt = (int)Math.Clamp((long)intPart.Length - lead + exponent, int.MinValue, int.MaxValue);
        return true;
    }
}
