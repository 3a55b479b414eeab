using System.Globalization;

namespace TreasuryArena.Infrastructure.Advice;

/// <summary>
/// Date columns of the advice tables (ISO <c>yyyy-MM-dd</c> text). Scaled-integer money columns go through the one codec,
/// <see cref="Core.Common.RoundingPolicy.ToScaled"/> / <see cref="Core.Common.RoundingPolicy.FromScaled"/>.
/// </summary>
internal static class Scaled
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
