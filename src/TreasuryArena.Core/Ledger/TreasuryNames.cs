using System.Globalization;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Ledger;

/// <summary>
/// Names and formats of the treasury's ledger accounts: organisations are lower-case (<c>[a-z0-9][a-z0-9._-]{0,39}</c>),
/// assets and venues are canonicalised to upper / lower case (<c>[A-Z0-9][A-Z0-9._-]{0,39}</c>, <c>[a-z0-9][a-z0-9._-]{0,39}</c>);
/// <c>CASH</c> is not an asset. A fill's price is written in its unit leg's memo as <c>price=…</c> (invariant, at most 10 decimals).
/// </summary>
public static class TreasuryNames
{
    public const string MarkMemo = "mark";

    public const string YieldMemo = "yield";

    private const string PricePrefix = "price=";

    /// <summary>The canonical asset code, or null when <paramref name="asset"/> is not an acceptable name.</summary>
    public static string? Asset(string? asset)
    {
        var a = asset?.Trim().ToUpperInvariant();
        return a is not null && Valid(a, char.IsAsciiLetterUpper) && a != "CASH" ? a : null;
    }

    /// <summary>The canonical venue or organisation name, or null when it is not acceptable.</summary>
    public static string? Name(string? name)
    {
        var n = name?.Trim().ToLowerInvariant();
        return n is not null && Valid(n, char.IsAsciiLetterLower) ? n : null;
    }

    public static string PriceMemo(decimal price) => PricePrefix + price.ToString("0.##########", CultureInfo.InvariantCulture);

    /// <summary>The price in a unit leg's memo, or null when the memo is not a price.</summary>
    public static decimal? ParsePrice(string memo) =>
        memo is not null && memo.StartsWith(PricePrefix, StringComparison.Ordinal) &&
        decimal.TryParse(memo.AsSpan(PricePrefix.Length), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p) && p > 0m
            ? p
            : null;

    /// <summary>How far a fill's notional may be from units × price: a cent of rounding plus one unit step's worth.</summary>
    public static decimal NotionalTolerance(decimal price) => 0.01m + (price * RoundingPolicy.FromScaled(1, LedgerUnit.AssetScale));

    private static bool Valid(string s, Func<char, bool> letter) =>
        s.Length is >= 1 and <= 40 && (letter(s[0]) || char.IsAsciiDigit(s[0])) &&
        s.All(c => letter(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-');
}
