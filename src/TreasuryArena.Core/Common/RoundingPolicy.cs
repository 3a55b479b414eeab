using System.Globalization;

namespace TreasuryArena.Core.Common;

/// <summary>
/// The single written rounding policy of the ledger. Every rounding in money, shares and prices goes through one of
/// these named helpers, and each rounds in the fund's favour so that rounding never creates value:
/// <list type="bullet">
/// <item>shares issued to a buyer round <b>down</b> (<see cref="SharesIssued"/>);</item>
/// <item>cash paid out of the fund (redemptions) rounds <b>down</b> (<see cref="CashPaidOut"/>);</item>
/// <item>fees round <b>down</b> to the cent (<see cref="FeeDue"/>): the payer never pays more than the formula;</item>
/// <item>a re-valued gross asset value rounds <b>down</b> to the cent (<see cref="ValueDown"/>);</item>
/// <item>a high-water mark reset rounds <b>up</b> (<see cref="PriceUp"/>), so the next performance fee is never larger
/// than the formula.</item>
/// </list>
/// <para>Every other rounding of a <see cref="decimal"/> in the code base comes here too (BannedApiAnalyzers refuses
/// <c>Math.Round(decimal…)</c>, <c>decimal.Round</c>, <c>Math.Floor/Ceiling(decimal)</c> anywhere else). There are three
/// directions and one midpoint mode: <see cref="Down"/> (toward −∞: order sizes, quantities bought, target weights, values),
/// <see cref="Up"/> (toward +∞: cost estimates and reserves, the hurdle index, a resume level) and <see cref="Nearest"/>
/// (half away from zero, the only midpoint mode: bookkeeping that moves no cash, such as a cost-basis split, and reported
/// ratios and figures).</para>
/// </summary>
#pragma warning disable RS0030 // the one file allowed to round decimals
public static class RoundingPolicy
{
    /// <summary>The most significant digits an amount may carry.</summary>
    public const int MaxSignificantDigits = 28;

    public static decimal SharesIssued(decimal shares) => Down(shares, Shares.Scale);

    public static decimal CashPaidOut(decimal cash, Currency currency) => Down(cash, currency.Scale);

    public static decimal FeeDue(decimal fee, Currency currency) => Down(fee, currency.Scale);

    public static decimal ValueDown(decimal value, Currency currency) => Down(value, currency.Scale);

    public static decimal PriceDown(decimal price) => Down(price, UnitPrice.Scale);

    public static decimal PriceUp(decimal price) => Up(price, UnitPrice.Scale);

    /// <summary>Decimals of a reported ratio of two NAVs (a change, a drawdown): 10, as the stored NAV history keeps them.</summary>
    public const int RatioScale = 10;

    /// <summary>A reported ratio (NAV change, drawdown) at <see cref="RatioScale"/> decimals, half away from zero: never money.</summary>
    public static decimal Ratio(decimal value) => Nearest(value, RatioScale);

    /// <summary>A reported ratio at <paramref name="scale"/> decimals (a fraction, a return, a share of a total), half away from zero.</summary>
    public static decimal Ratio(decimal value, int scale) => Nearest(value, scale);

    /// <summary>Decimals of a target or trimmed portfolio weight.</summary>
    public const int WeightScale = 6;

    /// <summary>A target weight rounds <b>down</b> at <see cref="WeightScale"/> decimals: rounded weights never add up to more than the whole.</summary>
    public static decimal WeightDown(decimal weight) => Down(weight, WeightScale);

    /// <summary>US dollars at cents, <b>down</b>: a value of holdings, an order's notional, a peak. Nothing is spent or shown that is not there.</summary>
    public static decimal CentsDown(decimal amount) => Down(amount, Currency.Usd.Scale);

    /// <summary>US dollars at cents, <b>up</b>: an estimated fee or slippage, cash reserved for costs. An estimate is never short.</summary>
    public static decimal CentsUp(decimal amount) => Up(amount, Currency.Usd.Scale);

    /// <summary>US dollars at cents, to the nearest (half away from zero): bookkeeping that moves no cash (the cost basis of the
    /// part of a position sold, a reported total of amounts already charged).</summary>
    public static decimal Cents(decimal amount) => Nearest(amount, Currency.Usd.Scale);

    /// <summary>A price or NAV read from outside (a market close, a quoted NAV) at <see cref="UnitPrice.Scale"/> decimals, to the nearest.</summary>
    public static decimal Price(decimal price) => Nearest(price, UnitPrice.Scale);

    /// <summary>Rounds toward negative infinity at <paramref name="scale"/> decimals.</summary>
    public static decimal Down(decimal value, int scale) => Math.Round(value, scale, MidpointRounding.ToNegativeInfinity);

    /// <summary>Rounds toward positive infinity at <paramref name="scale"/> decimals.</summary>
    public static decimal Up(decimal value, int scale) => Math.Round(value, scale, MidpointRounding.ToPositiveInfinity);

    /// <summary>Rounds to the nearest at <paramref name="scale"/> decimals, half away from zero: the one midpoint mode of the code base.</summary>
    public static decimal Nearest(decimal value, int scale) => Math.Round(value, scale, MidpointRounding.AwayFromZero);

    /// <summary>The smallest whole number not below <paramref name="value"/>.</summary>
    public static decimal Ceiling(decimal value) => Math.Ceiling(value);

    /// <summary>True when <paramref name="value"/> has no fractional part.</summary>
    public static bool IsWhole(decimal value) => value == decimal.Truncate(value);

    /// <summary>Number of decimals actually used by <paramref name="value"/> (trailing zeros ignored).</summary>
    public static int DecimalPlaces(decimal value)
    {
        var normalized = value / 1.0000000000000000000000000000m;
        return normalized.Scale;
    }

    /// <summary>Number of significant digits of <paramref name="value"/> (leading and trailing zeros ignored).</summary>
    public static int SignificantDigits(decimal value)
    {
        var normalized = Math.Abs(value / 1.0000000000000000000000000000m);
        if (normalized == 0m)
        {
            return 0;
        }

        var digits = normalized.ToString(CultureInfo.InvariantCulture).Replace(".", "", StringComparison.Ordinal).TrimStart('0');
        return digits.Length;
    }

    /// <summary>True when <paramref name="value"/> needs no more than <paramref name="scale"/> decimals.</summary>
    public static bool FitsScale(decimal value, int scale) => DecimalPlaces(value) <= scale;

    /// <summary>The value as a 64-bit integer at <paramref name="scale"/> decimals (exact; throws when it is not).</summary>
    public static long ToScaled(decimal value, int scale)
    {
        var scaled = value * Pow10(scale);
        if (scaled != decimal.Truncate(scaled))
        {
            throw new DomainException(Outcome.ScaleOverflow, $"{value.ToString(CultureInfo.InvariantCulture)} has more than {scale} decimals");
        }

        if (scaled > long.MaxValue || scaled < long.MinValue)
        {
            throw new DomainException(Outcome.ScaleOverflow, $"{value.ToString(CultureInfo.InvariantCulture)} does not fit a 64-bit integer at scale {scale}");
        }

        return (long)scaled;
    }

    /// <summary>The inverse of <see cref="ToScaled"/>.</summary>
    public static decimal FromScaled(long scaled, int scale) => new decimal(scaled) / Pow10(scale);

    public static decimal Pow10(int scale)
    {
        var p = 1m;
        for (var i = 0; i < scale; i++)
        {
            p *= 10m;
        }

        return p;
    }
}
#pragma warning restore RS0030
