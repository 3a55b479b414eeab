using TreasuryArena.Core.Common;
using TreasuryArena.Core.MarketData;

namespace TreasuryArena.Core.Treasury;

/// <summary>
/// Prices used to mark the treasury on <see cref="AsOf"/>: BTC and ETH closes (with the date each was observed) and
/// each yield venue's accrual index, (1 + APY)^(days since inception / 365).
/// </summary>
public sealed record TreasuryMarks(DateOnly AsOf, IReadOnlyDictionary<string, decimal> Prices, IReadOnlyDictionary<string, DateOnly> ObservedOn)
{
    /// <summary>A close more than this many days old is too stale to trade on.</summary>
    public const int MaxPriceAgeDays = 3;

    public decimal PriceOf(string asset) =>
        Prices.TryGetValue(asset, out var p) ? p : throw new ArgumentException($"no price for {asset} on {AsOf:yyyy-MM-dd}");

    /// <summary>The accrual index of a yield position: (1 + apy)^(days / 365), 1 at inception, 10 decimals.</summary>
    public static decimal YieldIndex(decimal apy, DateOnly inception, DateOnly asOf)
    {
        var days = Math.Max(0, asOf.DayNumber - inception.DayNumber);
        var index = Math.Pow(1.0 + AnalyticsBoundary.ToDouble(apy), days / 365.0);
        return RoundingPolicy.Ratio(AnalyticsBoundary.ToDecimal(index));
    }

    /// <summary>
    /// The accrual index of a yield position at <paramref name="venue"/> from <paramref name="inception"/> to
    /// <paramref name="asOf"/>: before the venue's launch it is not credited the venue's APY but the US 3-month T-bill
    /// rate known the day before (<paramref name="cashRate"/>, FRED DTB3 as a fraction; 0 when null or before its first
    /// value), compounded daily as (1 + rate)^(1/365), the backtest yield model's rule; from the launch on,
    /// (1 + apy)^(days / 365). Without a launch (null venue) or from an inception on or after it, exactly
    /// <see cref="YieldIndex(decimal, DateOnly, DateOnly)"/>. 10 decimals.
    /// </summary>
    public static decimal YieldIndex(decimal apy, VenueLaunch? venue, TimeSeries? cashRate, DateOnly inception, DateOnly asOf)
    {
        if (venue is null || inception >= venue.Date || asOf <= inception)
        {
            return YieldIndex(apy, inception, asOf);
        }

        var launch = venue.Date < asOf ? venue.Date : asOf;
        var growth = 1.0;
        var j = cashRate is null ? -1 : cashRate.IndexOnOrBefore(inception);
        for (var d = inception; d < launch; d = d.AddDays(1))
        {
            while (cashRate is not null && j + 1 < cashRate.Count && cashRate.DateAt(j + 1) <= d)
            {
                j++;
            }

            var rate = j < 0 || cashRate is null || double.IsNaN(cashRate.ValueAt(j)) ? 0 : cashRate.ValueAt(j);
            growth *= Math.Pow(1 + rate, 1 / 365.0);
        }

        var after = Math.Max(0, asOf.DayNumber - launch.DayNumber);
        var index = growth * Math.Pow(1.0 + AnalyticsBoundary.ToDouble(apy), after / 365.0);
        return RoundingPolicy.Ratio(AnalyticsBoundary.ToDecimal(index));
    }

    /// <summary>The one double → decimal boundary for market prices: 8 decimals, banker's rounding.</summary>
    public static decimal ToPrice(double close) => RoundingPolicy.Price(AnalyticsBoundary.ToDecimal(close));
}
