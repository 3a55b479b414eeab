using TreasuryArena.Core.MarketData;

namespace TreasuryArena.Core.Backtesting;

/// <summary>Builds a <see cref="BarData"/> frame from the market history for a set of assets.</summary>
public static class BarDataBuilder
{
    /// <summary>The symbol of the yield-bearing asset.</summary>
    public const string Yield = "YIELD";

    /// <summary>
    /// The frame for <paramref name="assets"/> (BTC, ETH, YIELD): the date axis is the first priced asset's own
    /// dates (BTC's calendar days when only YIELD is asked for), limited to the span where every priced asset has
    /// data. Other assets and the auxiliary series are taken as of each date (their last known value, never a
    /// later one); auxiliary series are NaN before their first value. The frame carries each priced asset's inception
    /// (<see cref="Inception"/>, from this history), so no backtest on it trades before the latest one; the yield asset
    /// accrues <paramref name="yield"/>, which credits no venue yield before the venue's launch.
    /// </summary>
    public static BarData FromHistory(MarketHistory history, IEnumerable<string> assets, YieldModel? yield = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(assets);
        yield ??= YieldModel.Default;
        var symbols = assets.Select(a => a.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (symbols.Count == 0)
        {
            throw new ArgumentException("no assets requested", nameof(assets));
        }

        var priced = new List<OhlcvSeries>();
        foreach (var s in symbols)
        {
            if (s == Yield)
            {
                continue;
            }

            priced.Add(history.Asset(s) ?? throw new ArgumentException($"unknown asset `{s}` (known: BTC, ETH, {Yield})"));
        }

        var axisSource = priced.Count > 0 ? priced[0] : history.Btc;
        var first = priced.Count > 0 ? priced.Max(p => p.Dates[0]) : axisSource.Dates[0];
        var last = priced.Count > 0 ? priced.Min(p => p.Dates[^1]) : axisSource.Dates[^1];
        var dates = axisSource.Dates.Where(d => d >= first && d <= last).ToArray();
        if (dates.Length < 2)
        {
            throw new ArgumentException($"the assets {string.Join(", ", symbols)} share fewer than two dates");
        }

        var aux = new Dictionary<string, double[]>(StringComparer.Ordinal)
        {
            [AuxSeries.MvrvZ] = AsOf(history.MvrvZ, dates),
            [AuxSeries.FearGreed] = AsOf(history.FearGreed, dates),
            [AuxSeries.TBill] = AsOf(history.TBill3m, dates),
            [AuxSeries.FundingRate] = AsOf(history.FundingRate, dates),
        };

        var inceptions = new List<AssetInception>();
        foreach (var p in priced)
        {
            inceptions.Add(history.Inception(p.Symbol) ?? throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{p.Symbol} never had {Inception.LiquidDays} consecutive days with at least ${Inception.MinDailyVolumeUsd:N0} of volume: it has no tradable history")));
        }

        var bars = new List<AssetBars>();
        foreach (var s in symbols)
        {
            if (s == Yield)
            {
                var close = yield.Index(dates, aux[AuxSeries.TBill]);
                var open = new double[close.Length];
                open[0] = close[0];
                for (var t = 1; t < open.Length; t++)
                {
                    open[t] = close[t - 1];
                }

                bars.Add(new AssetBars(Yield, open, close, IsYield: true));
                continue;
            }

            var series = history.Asset(s)!;
            bars.Add(new AssetBars(s, AsOf(series.Dates, series.Open, dates, keepMissing: true), AsOf(series.Dates, series.Close, dates, keepMissing: false)));
        }

        return new BarData(dates, bars, aux, inceptions);
    }

    private static double[] AsOf(TimeSeries series, DateOnly[] dates) => AsOf(series.Dates.ToArray(), series.Values.ToArray(), dates, keepMissing: false);

    /// <summary>
    /// Values aligned to <paramref name="dates"/>: the value dated on or before each date. With
    /// <paramref name="keepMissing"/> (opens), a date without its own row gets NaN instead of an older value.
    /// </summary>
    private static double[] AsOf(DateOnly[] srcDates, double[] srcValues, DateOnly[] dates, bool keepMissing)
    {
        var r = new double[dates.Length];
        var j = -1;
        for (var t = 0; t < dates.Length; t++)
        {
            while (j + 1 < srcDates.Length && srcDates[j + 1] <= dates[t])
            {
                j++;
            }

            r[t] = j < 0 || (keepMissing && srcDates[j] != dates[t]) ? double.NaN : srcValues[j];
        }

        return r;
    }
}
