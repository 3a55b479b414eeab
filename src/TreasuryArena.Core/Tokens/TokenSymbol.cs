namespace TreasuryArena.Core.Tokens;

/// <summary>Strategy token symbols: 2–10 characters, upper-case A–Z and digits, starting with a letter, not a cash code.</summary>
public static class TokenSymbol
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "USD", "USDC", "USDT", "BTC", "ETH" };

    /// <summary>Null when <paramref name="symbol"/> is valid, else why not.</summary>
    public static string? Problem(string? symbol)
    {
        if (string.IsNullOrEmpty(symbol))
        {
            return "symbol is required";
        }

        if (symbol.Length is < 2 or > 10)
        {
            return "symbol must be 2-10 characters";
        }

        if (symbol[0] is < 'A' or > 'Z')
        {
            return "symbol must start with an upper-case letter";
        }

        if (!symbol.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9')))
        {
            return "symbol may contain only upper-case letters and digits";
        }

        if (Reserved.Contains(symbol))
        {
            return $"symbol {symbol} is reserved for an asset";
        }

        return null;
    }

    public static bool IsValid(string? symbol) => Problem(symbol) is null;
}
