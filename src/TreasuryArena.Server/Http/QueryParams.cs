using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Server.Http;

/// <summary>
/// Query-string values parsed by hand, so a malformed or out-of-range one is a 400 problem naming its parameter (never
/// clamped, never bound by the framework with its own words). Endpoints take every query parameter as a string and
/// parse it here: counts (<see cref="Limit"/>), cursors (<see cref="Cursor"/>), dates within the data's span
/// (<see cref="DateInSpan"/>), ids (<see cref="Id"/>) and choices (<see cref="Choice{T}"/>).
/// </summary>
public static class QueryParams
{
    /// <summary>The longest query value any endpoint reads; longer is refused before parsing.</summary>
    public const int MaxValueLength = 64;

    /// <summary>A count between 1 and <paramref name="max"/>; <paramref name="fallback"/> when absent.</summary>
    public static ProblemHttpResult? Limit(string? text, int fallback, int max, out int value)
    {
        value = fallback;
        if (text is null)
        {
            return null;
        }

        if (!Digits(text) || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < 1 || value > max)
        {
            value = fallback;
            return Problems.BadField("limit", string.Create(CultureInfo.InvariantCulture, $"limit must be a whole number from 1 to {max}"), Outcome.InvalidLimit);
        }

        return null;
    }

    /// <summary>A 64-bit cursor (a ledger or audit sequence) of at least <paramref name="min"/>; null when absent.</summary>
    public static ProblemHttpResult? Cursor(string name, string? text, out long? value, long min = 1)
    {
        value = null;
        if (text is null)
        {
            return null;
        }

        if (!Digits(text) || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < min)
        {
            return Problems.BadField(name, string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number of at least {min} (a sequence from a previous page)"), Outcome.InvalidQuery);
        }

        value = parsed;
        return null;
    }

    /// <summary>A <c>yyyy-MM-dd</c> date; null when absent.</summary>
    public static ProblemHttpResult? Date(string name, string? text, out DateOnly? value)
    {
        value = null;
        if (text is null)
        {
            return null;
        }

        if (text.Length != 10 || !text.All(c => char.IsAsciiDigit(c) || c == '-') || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return Problems.BadField(name, $"{name} must be a yyyy-MM-dd date", Outcome.InvalidQuery);
        }

        value = parsed;
        return null;
    }

    /// <summary>
    /// A <c>yyyy-MM-dd</c> date from <paramref name="first"/> to <paramref name="last"/> (the data's span: the market
    /// history's first date to the business clock's platform date); null when absent. Outside the span is a 400 naming
    /// the parameter and the span: nothing is made up for a date the platform has no data for.
    /// </summary>
    public static ProblemHttpResult? DateInSpan(string name, string? text, DateOnly first, DateOnly last, out DateOnly? value)
    {
        if (Date(name, text, out value) is { } bad)
        {
            return bad;
        }

        if (value is { } day && (day < first || day > last))
        {
            value = null;
            return Problems.BadField(name, string.Create(CultureInfo.InvariantCulture, $"{name} must be a date from {first:yyyy-MM-dd} (the first day of market data) to {last:yyyy-MM-dd} (the platform date)"), Outcome.InvalidQuery);
        }

        return null;
    }

    /// <summary>A GUID id; null when absent.</summary>
    public static ProblemHttpResult? Id(string name, string? text, out Guid? value)
    {
        value = null;
        if (text is null)
        {
            return null;
        }

        if (text.Length > MaxValueLength || !text.All(c => char.IsAsciiHexDigit(c) || c is '-' or '{' or '}') || !Guid.TryParse(text, CultureInfo.InvariantCulture, out var parsed))
        {
            return Problems.BadField(name, $"{name} must be an id (a GUID)", Outcome.InvalidQuery);
        }

        value = parsed;
        return null;
    }

    /// <summary>
    /// Only ASCII digits, at most 19 of them: .NET's number parsing would also accept trailing NULs (<c>1%00</c>) and
    /// other digit scripts, which no client means.
    /// </summary>
    private static bool Digits(string text) => text.Length is > 0 and <= 19 && text.All(char.IsAsciiDigit);

    /// <summary>One of an enum's names (case-insensitive, never a number); null when absent.</summary>
    public static ProblemHttpResult? Choice<T>(string name, string? text, out T? value)
        where T : struct, Enum
    {
        value = null;
        if (text is null)
        {
            return null;
        }

        if (text.Length > MaxValueLength || !Enum.TryParse<T>(text, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || text.Any(c => !char.IsAsciiLetter(c) && c != '_'))
        {
            var names = string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
            return Problems.BadField(name, $"{name} must be one of {names}", Outcome.InvalidQuery);
        }

        value = parsed;
        return null;
    }
}
