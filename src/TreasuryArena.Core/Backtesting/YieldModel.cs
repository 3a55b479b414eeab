using System.Globalization;
using TreasuryArena.Core.MarketData;

namespace TreasuryArena.Core.Backtesting;

/// <summary>
/// How the yield asset (a stablecoin lending position) accrues. No public APY history of stablecoin lending
/// ships with the data, so it is either a fixed APY (default 5%) or the US 3-month T-bill rate as a historical
/// proxy. The position is modelled as an index that starts at 1 and compounds daily:
/// index[t] = index[t−1] × (1 + apy)^(days / 365), with the rate known at t − 1.
/// <para><b>No venue yield before the venue exists.</b> A fixed APY is the yield of a venue (by default the lending
/// venue, Aave: <see cref="Inception.LendingVenue"/>, launched 2020-01-08); on a day before its launch the position is
/// credited the US 3-month T-bill rate instead (the cash-equivalent rate; 0 where the frame has no T-bill). A blend
/// (<see cref="Blend"/>, the treasury's venues) applies the rule per venue and accrues the share-weighted rate.</para>
/// </summary>
public sealed record YieldModel
{
    private readonly YieldLeg[] _legs;

    private YieldModel(YieldLeg[] legs) => _legs = legs;

    /// <summary>The venues and their APYs (empty for the T-bill proxy).</summary>
    public IReadOnlyList<YieldLeg> Legs => _legs;

    /// <summary>The APY once every venue is live (share-weighted for a blend), or null for the T-bill proxy.</summary>
    public double? FixedApy => _legs.Length == 0 ? null : _legs.Sum(l => l.Share * l.Apy);

    public bool UsesTBill => _legs.Length == 0;

    /// <summary>The first date on which every venue is live (its APY credited in full), or null when no launch gates it.</summary>
    public DateOnly? LiveFrom => _legs.Select(l => l.Venue?.Date).Max();

    /// <summary>5% APY from the lending venue's launch, the T-bill before it.</summary>
    public static YieldModel Default { get; } = Fixed(0.05);

    public static YieldModel TBill { get; } = new([]);

    /// <summary>A fixed APY of the lending venue (<see cref="Inception.LendingVenue"/>): the T-bill before its launch.</summary>
    public static YieldModel Fixed(double apy) => Fixed(apy, Inception.LendingVenue);

    /// <summary>A fixed APY of <paramref name="venue"/> (the T-bill before its launch), or on every date when it is null.</summary>
    public static YieldModel Fixed(double apy, VenueLaunch? venue) => new([new YieldLeg(1.0, CheckApy(apy), venue)]);

    /// <summary>A blend of venues (shares must sum to 1), each credited its APY from its launch and the T-bill before.</summary>
    public static YieldModel Blend(IReadOnlyList<YieldLeg> legs)
    {
        ArgumentNullException.ThrowIfNull(legs);
        if (legs.Count == 0 || legs.Any(l => !(l.Share >= 0)) || Math.Abs(legs.Sum(l => l.Share) - 1) > 1e-9)
        {
            throw new ArgumentException("a yield blend needs at least one venue, non-negative shares summing to 1", nameof(legs));
        }

        foreach (var l in legs)
        {
            CheckApy(l.Apy);
        }

        return new YieldModel([.. legs]);
    }

    /// <summary>Parses <c>tbill</c> or a number (a fraction, <c>0.05</c>, or a percentage, <c>5%</c>), the lending venue's APY.</summary>
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

    public override string ToString()
    {
        if (_legs.Length == 0)
        {
            return "US 3-month T-bill (proxy)";
        }

        static string Leg(YieldLeg l) => l.Venue is { } v
            ? string.Create(CultureInfo.InvariantCulture, $"{l.Apy:P2} APY from {v.Date:yyyy-MM-dd} ({v.Venue} launch)")
            : string.Create(CultureInfo.InvariantCulture, $"{l.Apy:P2} APY");
        var gated = _legs.Any(l => l.Venue is not null) ? ", US 3-month T-bill before launch" : "";
        return _legs.Length == 1
            ? "fixed " + Leg(_legs[0]) + gated
            : "blend " + string.Join(" + ", _legs.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Share:P0} {Leg(l)}"))) + gated;
    }

    public bool Equals(YieldModel? other) => other is not null && _legs.SequenceEqual(other._legs);

    public override int GetHashCode() => _legs.Aggregate(0, (h, l) => HashCode.Combine(h, l));

    /// <summary>The accrual index on a date axis; <paramref name="tbill"/> is the as-of rate per bar (NaN = 0).</summary>
    internal double[] Index(DateOnly[] dates, double[]? tbill)
    {
        var idx = new double[dates.Length];
        idx[0] = 1;
        for (var t = 1; t < dates.Length; t++)
        {
            var cash = tbill is null || double.IsNaN(tbill[t - 1]) ? 0 : tbill[t - 1];
            var rate = _legs.Length == 0 ? cash : RateOn(dates[t - 1], cash);
            var days = dates[t].DayNumber - dates[t - 1].DayNumber;
            idx[t] = idx[t - 1] * Math.Pow(1 + rate, days / 365.0);
        }

        return idx;
    }

    private double RateOn(DateOnly date, double cash)
    {
        if (_legs.Length == 1)
        {
            var l = _legs[0];
            return l.Venue is { } v && date < v.Date ? cash : l.Apy;
        }

        var rate = 0.0;
        foreach (var l in _legs)
        {
            rate += l.Share * (l.Venue is { } v && date < v.Date ? cash : l.Apy);
        }

        return rate;
    }

    private static double CheckApy(double apy) =>
        apy is > -0.5 and < 1.0 && double.IsFinite(apy)
            ? apy
            : throw new ArgumentOutOfRangeException(nameof(apy), apy, "APY must be a fraction between -0.5 and 1 (0.05 = 5%)");
}
