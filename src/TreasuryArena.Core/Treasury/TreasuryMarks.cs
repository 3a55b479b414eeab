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
        var index = Math.Pow(1.0 + (double)apy, days / 365.0);
        return Math.Round((decimal)index, 10, MidpointRounding.ToEven);
    }

    /// <summary>The one double → decimal boundary for market prices: 8 decimals, banker's rounding.</summary>
    public static decimal ToPrice(double close) => Math.Round((decimal)close, 8, MidpointRounding.ToEven);
}
