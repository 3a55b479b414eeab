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

    /// <summary>
    /// Marks from the shipped history as of <paramref name="asOf"/> (never a later row). Throws
    /// <see cref="ArgumentException"/> when BTC or ETH has no close within <see cref="MaxPriceAgeDays"/> days.
    /// </summary>
    public static TreasuryMarks FromHistory(MarketHistory history, DateOnly asOf, DateOnly inception, TreasuryOptions options)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        var prices = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        var observed = new Dictionary<string, DateOnly>(StringComparer.OrdinalIgnoreCase);
        foreach (var series in new[] { history.Btc, history.Eth })
        {
            if (!series.Closes.TryGetAsOf(asOf, out var on, out var close) || asOf.DayNumber - on.DayNumber > MaxPriceAgeDays || !(close > 0))
            {
                throw new ArgumentException($"no {series.Symbol} close within {MaxPriceAgeDays} days of {asOf:yyyy-MM-dd} in the history (it covers {series.Closes.First:yyyy-MM-dd}..{series.Closes.Last:yyyy-MM-dd})");
            }

            prices[series.Symbol] = ToPrice(close);
            observed[series.Symbol] = on;
        }

        foreach (var venue in options.EffectiveBaseVenues())
        {
            prices[venue.Asset] = YieldIndex(venue.Apy, inception, asOf);
            observed[venue.Asset] = asOf;
        }

        return new TreasuryMarks(asOf, prices, observed);
    }

    /// <summary>The accrual index of a yield position: (1 + apy)^(days / 365), 1 at inception, 10 decimals.</summary>
    public static decimal YieldIndex(decimal apy, DateOnly inception, DateOnly asOf)
    {
        var days = Math.Max(0, asOf.DayNumber - inception.DayNumber);
        var index = Math.Pow(1.0 + (double)apy, days / 365.0);
        return Math.Round((decimal)index, 10, MidpointRounding.ToEven);
    }

    /// <summary>The one double → decimal boundary for market prices: 8 decimals, banker's rounding.</summary>
    public static decimal ToPrice(double close) => Math.Round((decimal)close, 8, MidpointRounding.ToEven);
}
