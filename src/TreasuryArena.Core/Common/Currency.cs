namespace TreasuryArena.Core.Common;

/// <summary>
/// A unit of account: an ISO-style code plus its minor-unit scale (the number of decimals an amount may carry).
/// The scale is also the storage scale: an amount is persisted as <c>amount × 10^Scale</c> in a 64-bit integer.
/// </summary>
public readonly record struct Currency
{
    private Currency(string code, int scale)
    {
        Code = code;
        Scale = scale;
    }

    /// <summary>US dollars, to the cent. The ledger's cash unit.</summary>
    public static Currency Usd { get; } = new("USD", 2);

    /// <summary>Bitcoin, to the satoshi.</summary>
    public static Currency Btc { get; } = new("BTC", 8);

    /// <summary>Ether, to the gwei (10^-9; 18 decimals would not fit a 64-bit scaled integer).</summary>
    public static Currency Eth { get; } = new("ETH", 9);

    /// <summary>USD stablecoins (USDC/USDT), to 10^-6 as on chain.</summary>
    public static Currency Usdc { get; } = new("USDC", 6);

    public string Code { get; }

    public int Scale { get; }

    /// <summary>A currency with a validated code (2–10 upper-case letters or digits) and scale (0–18).</summary>
    public static Currency Of(string code, int scale)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        if (code.Length is < 2 or > 10 || !code.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9')))
        {
            throw new ArgumentException($"currency code '{code}' must be 2-10 upper-case letters or digits", nameof(code));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, 18);
        return new Currency(code, scale);
    }

    public override string ToString() => Code;
}
