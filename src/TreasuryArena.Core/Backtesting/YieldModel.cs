using System.Globalization;

namespace TreasuryArena.Core.Backtesting;

/// <summary>
/// How the yield asset (a stablecoin lending position) accrues. No public APY history of stablecoin lending
/// ships with the data, so it is either a fixed APY (default 5%) or the US 3-month T-bill rate as a historical
/// proxy. The position is modelled as an index that starts at 1 and compounds daily:
/// index[t] = index[t−1] × (1 + apy)^(days / 365), with the rate known at t − 1.
/// </summary>
public sealed record YieldModel
{
    private YieldModel(double? apy) => FixedApy = apy;

    /// <summary>The fixed APY, or null for the T-bill proxy.</summary>
    public double? FixedApy { get; }

    public bool UsesTBill => FixedApy is null;

    public static YieldModel Default { get; } = new(0.05);

    public static YieldModel TBill { get; } = new((double?)null);

    public static YieldModel Fixed(double apy) =>
        apy is > -0.5 and < 1.0 && double.IsFinite(apy)
            ? new YieldModel(apy)
            : throw new ArgumentOutOfRangeException(nameof(apy), apy, "APY must be a fraction between -0.5 and 1 (0.05 = 5%)");

    /// <summary>Parses <c>tbill</c> or a number (a fraction, <c>0.05</c>, or a percentage, <c>5%</c>).</summary>
    public static YieldModel Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        if (s.Equals("tbill", StringComparison.OrdinalIgnoreCase))
        {
            return TBill;
        }

        var percent = s.EndsWith('%');
        if (!double.TryParse(percent ? s[..^1] : s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
        {
            throw new ArgumentException($"yield `{text}` is neither `tbill` nor a number such as 0.05 or 5%");
        }

        return Fixed(percent ? v / 100 : v);
    }

    public override string ToString() =>
        FixedApy is { } apy ? string.Create(CultureInfo.InvariantCulture, $"fixed {apy:P2} APY") : "US 3-month T-bill (proxy)";

    /// <summary>The accrual index on a date axis; <paramref name="tbill"/> is the as-of rate per bar (NaN = 0).</summary>
    internal double[] Index(DateOnly[] dates, double[]? tbill)
    {
        var idx = new double[dates.Length];
        idx[0] = 1;
        for (var t = 1; t < dates.Length; t++)
        {
            var rate = FixedApy ?? (tbill is null || double.IsNaN(tbill[t - 1]) ? 0 : tbill[t - 1]);
            var days = dates[t].DayNumber - dates[t - 1].DayNumber;
            idx[t] = idx[t - 1] * Math.Pow(1 + rate, days / 365.0);
        }

        return idx;
    }
}
