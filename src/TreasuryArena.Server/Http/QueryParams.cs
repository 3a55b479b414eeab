using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace TreasuryArena.Server.Http;

/// <summary>Query-string values parsed by hand, so a malformed or out-of-range one is a 400 naming its parameter.</summary>
public static class QueryParams
{
    /// <summary>A count between 1 and <paramref name="max"/>; <paramref name="fallback"/> when absent.</summary>
    public static ProblemHttpResult? Limit(string? text, int fallback, int max, out int value)
    {
        value = fallback;
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < 1 || value > max)
        {
            return Problems.BadField("limit", string.Create(CultureInfo.InvariantCulture, $"limit must be a whole number from 1 to {max}"));
        }

        return null;
    }

    /// <summary>A positive 64-bit cursor (a ledger sequence); null when absent.</summary>
    public static ProblemHttpResult? Cursor(string name, string? text, out long? value)
    {
        value = null;
        if (text is null)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
        {
            return Problems.BadField(name, $"{name} must be a positive whole number (a sequence from a previous page)");
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

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return Problems.BadField(name, $"{name} must be a yyyy-MM-dd date");
        }

        value = parsed;
        return null;
    }
}
