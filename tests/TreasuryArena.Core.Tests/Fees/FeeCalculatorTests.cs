using System.Globalization;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;

namespace TreasuryArena.Core.Tests.Fees;

public sealed class FeeCalculatorTests
{
    [Fact]
    public void PerformanceFee_EnzymeWorkedExample_MatchesAndResetsHwm()
    {
        var schedule = FeeSchedule.Default;
        var fee = FeeCalculator.PerformanceFee(Money.Usd(110m), Shares.Of(100m), UnitPrice.Of(1m), schedule);
        Assert.Equal(1.00m, fee.Amount);
        Assert.Equal(1.09m, FeeCalculator.HighWaterMarkAfter(Money.Usd(109m), Shares.Of(100m)).Value);
    }

    [Fact]
    public void PerformanceFee_BelowHwm_Zero()
    {
        var fee = FeeCalculator.PerformanceFee(Money.Usd(99m), Shares.Of(100m), UnitPrice.Of(1m), FeeSchedule.Default);
        Assert.True(fee.IsZero);
    }

    [Fact]
    public void ManagementFee_OneYear_IsRateTimesGav()
    {
        Assert.Equal(100m, FeeCalculator.ManagementFee(Money.Usd(10_000m), FeeSchedule.Default, 365).Amount);
        Assert.Equal(0.27m, FeeCalculator.ManagementFee(Money.Usd(10_000m), FeeSchedule.Default, 1).Amount);
    }

    [Fact]
    public void TradeFee_RoundsDownToCent()
    {
        Assert.Equal(0.99m, FeeCalculator.TradeFee(Money.Usd(99.99m), FeeSchedule.Default).Amount);
    }

    [Theory]
    [InlineData(CrystallisationSchedule.Quarterly, "2026-01-01", "2026-03-31", false, "2026-03-31")] // the quarter-end NAV day closes the quarter
    [InlineData(CrystallisationSchedule.Quarterly, "2026-01-01", "2026-03-30", false, null)]
    [InlineData(CrystallisationSchedule.Quarterly, "2026-03-31", "2026-04-01", false, null)] // the next quarter's first day: already closed
    [InlineData(CrystallisationSchedule.Quarterly, "2026-01-01", "2026-03-28", true, "2026-03-31")] // last NAV day of a quarter without a price on its end
    [InlineData(CrystallisationSchedule.Quarterly, "2026-03-31", "2026-04-02", true, "2026-06-30")]
    [InlineData(CrystallisationSchedule.Quarterly, "2026-01-01", "2026-04-02", false, "2026-03-31")] // late: a missed quarter end
    [InlineData(CrystallisationSchedule.Quarterly, "2026-03-31", "2026-03-31", true, null)] // never twice
    [InlineData(CrystallisationSchedule.Monthly, "2026-01-31", "2026-02-28", false, "2026-02-28")]
    [InlineData(CrystallisationSchedule.Monthly, "2026-01-31", "2026-02-27", false, null)]
    [InlineData(CrystallisationSchedule.Yearly, "2026-01-01", "2026-12-31", false, "2026-12-31")]
    [InlineData(CrystallisationSchedule.Yearly, "2026-01-01", "2026-12-30", false, null)]
    [InlineData(CrystallisationSchedule.Daily, "2026-01-01", "2026-01-02", false, "2026-01-02")]
    [InlineData(CrystallisationSchedule.Daily, "2026-01-01", "2026-01-01", false, null)]
    public void CrystallisationThrough_PeriodEnds_AsScheduled(CrystallisationSchedule schedule, string closed, string asOf, bool closesPeriod, string? through)
    {
        var c = DateOnly.Parse(closed, CultureInfo.InvariantCulture);
        var a = DateOnly.Parse(asOf, CultureInfo.InvariantCulture);
        var expected = through is null ? (DateOnly?)null : DateOnly.Parse(through, CultureInfo.InvariantCulture);
        Assert.Equal(expected, FeeCalculator.CrystallisationThrough(schedule, c, a, closesPeriod));
    }

    [Fact]
    public void TBillDailyRate_DiscountBasis_ToDailySimpleRate()
    {
        // A 91-day bill bought at a 5% discount costs 1 − 0.05 × 91/360 = 0.98736111 and repays 1: 1.28% over 91 days,
        // 0.05 / (360 − 91 × 0.05) = 0.0001406667604… a day (5.13% a year simple), rounded down to 12 decimals.
        Assert.Equal(0.000140666760m, FeeCalculator.TBillDailyRate(0.05m));
        Assert.Equal(0.0513m, Math.Round(FeeCalculator.TBillDailyRate(0.05m) * 365m, 4, MidpointRounding.AwayFromZero));
        Assert.Equal(0m, FeeCalculator.TBillDailyRate(0m));
        Assert.Equal(0m, FeeCalculator.TBillDailyRate(-0.0005m)); // a negative print (2015, 2020) is no hurdle
    }

    [Fact]
    public void HurdleMark_GrowsTheHighWaterMarkByTheIndex_RoundedUp()
    {
        var index = 1m;
        for (var day = 0; day < 90; day++)
        {
            index = FeeCalculator.GrowHurdleIndex(index, 0.000140666760m, 1);
        }

        // 90 days at 5.13%/yr simple, compounded daily: 1.0127394…; the mark of a 1.20 HWM rounds up at 8 decimals.
        Assert.InRange(index, 1.0127m, 1.0128m);
        var mark = FeeCalculator.HurdleMark(UnitPrice.Of(1.2m), index);
        Assert.Equal(RoundingPolicy.PriceUp(1.2m * index), mark.Value);
        Assert.True(mark.Value > 1.2m * 1.0127m);
    }

    [Fact]
    public void FeeSchedule_RateOutOfRange_Throws()
    {
        Assert.Throws<DomainException>(() => new FeeSchedule(1.5m, 0m, 0m, CrystallisationSchedule.Daily));
        Assert.Throws<DomainException>(() => new FeeSchedule(-0.01m, 0m, 0m, CrystallisationSchedule.Daily));
    }
}
