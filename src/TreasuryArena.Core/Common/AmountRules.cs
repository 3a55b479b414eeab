namespace TreasuryArena.Core.Common;

/// <summary>
/// What makes an amount acceptable to the ledger: positive, at most 28 significant digits, no more decimals than its
/// unit allows, and no larger than <see cref="MaxAmount"/> (so that balances always fit a 64-bit scaled integer).
/// </summary>
public static class AmountRules
{
    /// <summary>The largest single amount (cash or shares) the ledger accepts: one trillion.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>The largest cash balance any account may reach (10^15 USD; 10^17 cents fits a 64-bit integer).</summary>
    public const decimal MaxCashBalance = 1_000_000_000_000_000m;

    /// <summary>The largest share quantity (supply or holding) of one token: 10^10 (10^18 at scale 8 fits 64 bits).</summary>
    public const decimal MaxShares = 10_000_000_000m;

    /// <summary>The largest unit price (NAV per share): 10^9 USD.</summary>
    public const decimal MaxUnitPrice = 1_000_000_000m;

    /// <summary>Null when <paramref name="value"/> is acceptable at <paramref name="scale"/> decimals, else why not.</summary>
    public static string? Problem(decimal value, int scale, string unit)
    {
        if (value == 0m)
        {
            return "amount must not be zero";
        }

        if (value < 0m)
        {
            return "amount must be positive";
        }

        if (RoundingPolicy.SignificantDigits(value) > RoundingPolicy.MaxSignificantDigits)
        {
            return $"amount has more than {RoundingPolicy.MaxSignificantDigits} significant digits";
        }

        if (!RoundingPolicy.FitsScale(value, scale))
        {
            return $"amount has more than {scale} decimals, the most {unit} allows";
        }

        if (value > MaxAmount)
        {
            return "amount is larger than the ledger accepts (1e12)";
        }

        return null;
    }
}
