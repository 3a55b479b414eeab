using TreasuryArena.Core.Fees;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Nav;

namespace TreasuryArena.Core.Tests.Nav;

public sealed class HurdleRatesTests
{
    // DTB3 as the loader keeps it: a fraction (percent × 0.01, a double), business days only.
    private static readonly HurdleRates Rates = new(new TimeSeries(
        "tbill_3m",
        [new DateOnly(2025, 7, 3), new DateOnly(2025, 7, 7)],
        [4.26 * 0.01, 4.35 * 0.01]));

    [Fact]
    public void DailyRate_UsesTheLastPrintBeforeTheDay_CarriedOverWeekends()
    {
        var july3 = FeeCalculator.TBillDailyRate(0.0426m);
        Assert.Equal(july3, Rates.DailyRate(PerformanceHurdle.TBill, new DateOnly(2025, 7, 4))); // the 3rd's print, known when the 4th began
        Assert.Equal(july3, Rates.DailyRate(PerformanceHurdle.TBill, new DateOnly(2025, 7, 7))); // weekend: still the 3rd's
        Assert.Equal(FeeCalculator.TBillDailyRate(0.0435m), Rates.DailyRate(PerformanceHurdle.TBill, new DateOnly(2025, 7, 8)));
        Assert.Equal(FeeCalculator.TBillDailyRate(0.0435m), Rates.DailyRate(PerformanceHurdle.TBill, new DateOnly(2026, 12, 31))); // after the series: its last print
        Assert.Equal(0.000119621457m, july3); // 0.0426 / (360 − 91 × 0.0426)
    }

    [Fact]
    public void DailyRate_BeforeTheSeriesOrWithoutHurdle_IsZero()
    {
        Assert.Equal(0m, Rates.DailyRate(PerformanceHurdle.TBill, new DateOnly(2025, 7, 3)));
        Assert.Equal(0m, Rates.DailyRate(PerformanceHurdle.None, new DateOnly(2025, 7, 8)));
    }
}
