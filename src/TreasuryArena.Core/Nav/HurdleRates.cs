using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.MarketData;

namespace TreasuryArena.Core.Nav;

/// <summary>
/// The daily hurdle rates of performance fees, from the shipped US 3-month T-bill history (FRED DTB3, a discount
/// rate as an annual fraction, business days only). The rate for the fee accrual of a date is the last print on or
/// before the day before it (the rate known when the day began), converted by
/// <see cref="FeeCalculator.TBillDailyRate"/>; weekends and holidays carry the last print forward, dates before the
/// series' first print have no hurdle (0), dates after its last print keep its last print.
/// </summary>
public sealed class HurdleRates(TimeSeries tbill)
{
    /// <summary>The daily simple rate <paramref name="hurdle"/> grows by for the fee accrual as of <paramref name="asOf"/>.</summary>
    public decimal DailyRate(PerformanceHurdle hurdle, DateOnly asOf)
    {
        if (hurdle == PerformanceHurdle.None || !tbill.TryGetAsOf(asOf.AddDays(-1), out _, out var rate) || !double.IsFinite(rate))
        {
            return 0m;
        }

        // DTB3 is printed in percent with two decimals; as a fraction it has four (the ÷ 100 of the loader is a double).
        return FeeCalculator.TBillDailyRate(RoundingPolicy.Ratio(AnalyticsBoundary.ToDecimal(rate), 6));
    }
}
