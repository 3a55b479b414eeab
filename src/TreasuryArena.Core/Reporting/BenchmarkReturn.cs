using TreasuryArena.Core.Common;
using TreasuryArena.Core.MarketData;

namespace TreasuryArena.Core.Reporting;

/// <summary>
/// The return of a BTC/T-bill benchmark over a period, bought at the close of <c>from</c> in the given shares and held
/// to the close of <c>to</c>: BTC at its closes, the T-bill part accruing the 3-month rate of each day (actual/365,
/// the last published rate carried over weekends and holidays). Null when BTC has no close on or before <c>from</c>.
/// </summary>
public static class BenchmarkReturn
{
    public static double? Of(MarketHistory history, decimal btcShare, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (to <= from)
        {
            return null;
        }

        var closes = history.Btc.Closes;
        if (!closes.TryGetAsOf(from, out _, out var start) || !closes.TryGetAsOf(to, out _, out var end) || start <= 0d)
        {
            return null;
        }

        var bill = 1d;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (history.TBill3m.TryGetAsOf(day, out _, out var rate))
            {
                bill *= 1d + (rate / 365d);
            }
        }

        var share = AnalyticsBoundary.ToDouble(btcShare);
        return (share * ((end / start) - 1d)) + ((1d - share) * (bill - 1d));
    }
}
